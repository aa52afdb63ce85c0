import CZMQ

/// One frame as libzmq holds it (`zmq_msg_t`): received without a copy, and sent on without one.
///
/// Non-copyable because it owns libzmq memory, closed once in `deinit`. Not `Sendable`: it belongs to
/// the thread of the socket loop that received it.
public struct Message: ~Copyable {
    var raw = zmq_msg_t()

    /// An empty frame.
    public init() {
        zmq_msg_init(&raw)
    }

    /// A frame holding a copy of `bytes`.
    public init(_ bytes: UnsafeRawBufferPointer) {
        zmq_msg_init_size(&raw, bytes.count)
        if let base = bytes.baseAddress, bytes.count > 0 {
            zmq_msg_data(&raw).copyMemory(from: base, byteCount: bytes.count)
        }
    }

    deinit {
        var raw = raw
        zmq_msg_close(&raw)
    }

    /// Receives the next frame into this message, replacing its content. Returns `false` when nothing
    /// arrived: `dontWait` was set, or the receive timeout passed.
    public mutating func receive(from socket: Socket, dontWait: Bool = false) throws -> Bool {
        while true {
            if zmq_msg_recv(&raw, socket.handle, dontWait ? ZMQ_DONTWAIT : 0) >= 0 { return true }
            let error = ZMQError.last("zmq_msg_recv")
            if error.interrupted { continue }
            if error.wouldBlock { return false }
            throw error
        }
    }

    /// Sends this frame; on success the message is left empty (libzmq hands the content over).
    @discardableResult
    public mutating func send(to socket: Socket, more: Bool = false, dontWait: Bool = false) throws -> Bool {
        let flags = (more ? ZMQ_SNDMORE : 0) | (dontWait ? ZMQ_DONTWAIT : 0)
        while true {
            if zmq_msg_send(&raw, socket.handle, flags) >= 0 { return true }
            let error = ZMQError.last("zmq_msg_send")
            if error.interrupted { continue }
            if error.wouldBlock { return false }
            throw error
        }
    }

    /// Whether more frames of the same message follow this one.
    public var more: Bool {
        mutating get { zmq_msg_more(&raw) != 0 }
    }

    /// The frame's size in bytes.
    public var count: Int {
        mutating get { zmq_msg_size(&raw) }
    }

    /// Calls `body` with the frame's bytes, valid only during the call.
    public mutating func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: zmq_msg_data(&raw), count: zmq_msg_size(&raw)))
    }

    /// A copy of the frame's bytes.
    public var bytes: [UInt8] {
        mutating get { withUnsafeBytes { Array($0) } }
    }

    /// A metadata property of the connection the frame arrived on (`zmq_msg_gets`), e.g. `"User-Id"` (the
    /// user id a ZAP handler gave the peer) or `"Peer-Address"`; `nil` when the frame has no such property.
    public mutating func property(_ name: String) -> String? {
        guard let value = zmq_msg_gets(&raw, name) else { return nil }
        return String(cString: value)
    }
}
