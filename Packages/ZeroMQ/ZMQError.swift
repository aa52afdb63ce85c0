import CZMQ

/// A failed libzmq call: the operation that failed, its errno and `zmq_strerror`'s sentence.
public struct ZMQError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The errno value libzmq reported.
    public let code: Int32
    /// The libzmq function or wrapper operation that failed, e.g. `"zmq_bind tcp://127.0.0.1:5555"`.
    public let operation: String

    public init(code: Int32, operation: String) {
        self.code = code
        self.operation = operation
    }

    /// The error libzmq reports for the calling thread's last failed call.
    static func last(_ operation: String) -> ZMQError {
        ZMQError(code: zmq_errno(), operation: operation)
    }

    /// `zmq_strerror` for `code`.
    public var message: String { String(cString: zmq_strerror(code)) }

    public var description: String { "\(operation): \(message) (errno \(code))" }

    /// The call would have blocked (`EAGAIN`), only with non-blocking calls or timeouts.
    public var wouldBlock: Bool { code == EAGAIN }
    /// The call was interrupted by a signal (`EINTR`); retrying is correct.
    public var interrupted: Bool { code == EINTR }
    /// The context was shut down (`ETERM`): the socket must be closed.
    public var terminated: Bool { code == ETERM }
    /// A peer is unreachable (`EHOSTUNREACH`), e.g. a ROUTER with mandatory routing.
    public var unreachable: Bool { code == EHOSTUNREACH }
}
