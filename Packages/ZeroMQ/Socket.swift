import CZMQ
import Foundation

/// A ZeroMQ socket.
///
/// Not `Sendable`: libzmq sockets are not thread-safe, so a socket is created, used and closed by one
/// thread — the loop that owns it (see `SocketLoop`). Other threads talk to that loop through a
/// `Mailbox`, never to the socket.
///
/// ```swift
/// let socket = try Socket(context, .dealer)
/// try socket.connect("tcp://127.0.0.1:7001")
/// try socket.send(multipart: [Array("campaign.intake.held".utf8), payload])
/// let reply = try socket.receiveMultipart()
/// ```
public final class Socket {
    /// The pattern this socket was created with.
    public let type: SocketType
    let handle: UnsafeMutableRawPointer
    private let context: Context
    private var closed = false

    /// Creates a socket with `linger` 0, so closing never blocks on undelivered messages.
    public init(_ context: Context, _ type: SocketType) throws {
        guard let handle = zmq_socket(context.handle, type.raw) else {
            throw ZMQError.last("zmq_socket")
        }
        self.context = context
        self.type = type
        self.handle = handle
        try setOption(ZMQ_LINGER, Int32(0), "ZMQ_LINGER")
    }

    deinit {
        close()
    }

    /// Closes the socket; later calls fail with `ENOTSOCK`. Idempotent.
    public func close() {
        guard !closed else { return }
        closed = true
        zmq_close(handle)
    }

    /// Binds to `endpoint`, e.g. `tcp://127.0.0.1:*` for a free port (read it back from `lastEndpoint`).
    public func bind(_ endpoint: String) throws {
        guard zmq_bind(handle, endpoint) == 0 else { throw ZMQError.last("zmq_bind \(endpoint)") }
    }

    /// Connects to `endpoint`; ZeroMQ reconnects by itself when the peer goes away.
    public func connect(_ endpoint: String) throws {
        guard zmq_connect(handle, endpoint) == 0 else { throw ZMQError.last("zmq_connect \(endpoint)") }
    }

    /// Drops the connection to `endpoint` made by `connect`.
    public func disconnect(_ endpoint: String) throws {
        guard zmq_disconnect(handle, endpoint) == 0 else { throw ZMQError.last("zmq_disconnect \(endpoint)") }
    }

    /// The endpoint of the last `bind`, with the port resolved when it was bound with `*`.
    public var lastEndpoint: String {
        get throws {
            var buffer = [CChar](repeating: 0, count: 512)
            var size = buffer.count
            guard zmq_getsockopt(handle, ZMQ_LAST_ENDPOINT, &buffer, &size) == 0 else {
                throw ZMQError.last("zmq_getsockopt ZMQ_LAST_ENDPOINT")
            }
            return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
    }

    // MARK: Sending

    /// Sends one frame. Returns `false` when the frame would block (`dontWait`, or the send timeout passed).
    @discardableResult
    public func send(_ bytes: UnsafeRawBufferPointer, more: Bool = false, dontWait: Bool = false) throws -> Bool {
        let flags = (more ? ZMQ_SNDMORE : 0) | (dontWait ? ZMQ_DONTWAIT : 0)
        while true {
            if zmq_send(handle, bytes.baseAddress, bytes.count, flags) >= 0 { return true }
            let error = ZMQError.last("zmq_send")
            if error.interrupted { continue }
            if error.wouldBlock { return false }
            throw error
        }
    }

    /// Sends one frame from any contiguous bytes (`[UInt8]`, `Data`, …).
    @discardableResult
    public func send(_ bytes: some ContiguousBytes, more: Bool = false, dontWait: Bool = false) throws -> Bool {
        try bytes.withUnsafeBytes { try send($0, more: more, dontWait: dontWait) }
    }

    /// Sends a multipart message. With `dontWait`, returns `false` if the first frame would block; later
    /// frames of an accepted message never block (ZeroMQ queues a message atomically).
    @discardableResult
    public func send(multipart frames: [[UInt8]], dontWait: Bool = false) throws -> Bool {
        guard !frames.isEmpty else { return true }
        for (index, frame) in frames.enumerated() {
            let more = index < frames.count - 1
            if try !send(frame, more: more, dontWait: dontWait) {
                precondition(index == 0, "ZeroMQ accepted a first frame and refused a later one")
                return false
            }
        }
        return true
    }

    // MARK: Receiving

    /// Receives one frame into a new array, or `nil` when nothing arrived (`dontWait`, or the receive timeout passed).
    public func receive(dontWait: Bool = false) throws -> [UInt8]? {
        var message = Message()
        guard try message.receive(from: self, dontWait: dontWait) else { return nil }
        return message.bytes
    }

    /// Receives every frame of the next message, or `nil` when nothing arrived (`dontWait`, or the receive timeout passed).
    public func receiveMultipart(dontWait: Bool = false) throws -> [[UInt8]]? {
        var message = Message()
        guard try message.receive(from: self, dontWait: dontWait) else { return nil }
        var frames = [message.bytes]
        while message.more {
            _ = try message.receive(from: self, dontWait: false)
            frames.append(message.bytes)
        }
        return frames
    }

    /// Whether the last frame received has more frames after it.
    public var hasMore: Bool {
        get throws { try intOption(ZMQ_RCVMORE, "ZMQ_RCVMORE") != 0 }
    }
}

@available(*, unavailable)
extension Socket: Sendable {}
