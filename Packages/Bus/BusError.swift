import BusProtocol

/// What a bus client reports when a request cannot be served.
public enum BusError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The broker refused the request with a wire error code and a sentence.
    case refused(code: String, sentence: String)
    /// A replay asked for records that retention has deleted; the broker keeps from `firstRetained` on.
    case seqGone(firstRetained: UInt64)
    /// The client was closed before the request completed.
    case closed
    /// The broker did not answer in time.
    case timedOut
    /// The broker sent frames this client cannot read.
    case protocolViolation(String)

    public var description: String {
        switch self {
        case .refused(let code, let sentence): "the broker refused the request (\(code)): \(sentence)"
        case .seqGone(let first): "the requested records were removed by retention; the first retained seq is \(first)"
        case .closed: "the bus client was closed"
        case .timedOut: "the broker did not answer in time"
        case .protocolViolation(let detail): "the broker sent an unreadable reply: \(detail)"
        }
    }

    /// The error for an `ERR` reply, `[ERR, id, code, sentence, detail?]` (every endpoint's layout).
    static func refusal(_ reply: [[UInt8]]) -> BusError {
        let code = reply.count > 2 ? String(decoding: reply[2], as: UTF8.self) : ""
        if code == BusWire.ErrorCode.seqGone.rawValue, reply.count > 4, let first = BusWire.decodeSeq(reply[4]) {
            return .seqGone(firstRetained: first)
        }
        return .refused(code: code, sentence: reply.count > 3 ? String(decoding: reply[3], as: UTF8.self) : "")
    }
}
