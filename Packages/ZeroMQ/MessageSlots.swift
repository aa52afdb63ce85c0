import CZMQ

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fixed array of reusable frames for hot loops: receive a batch into slots, read their bytes in
/// place, and send them on to another socket without copying (`zmq_msg_send` hands over the buffer).
///
/// Not `Sendable`: owned by the one socket loop that uses it.
public final class MessageSlots {
    private let base: UnsafeMutablePointer<zmq_msg_t>
    /// How many frames the slots hold.
    public let capacity: Int

    public init(capacity: Int) {
        precondition(capacity > 0, "MessageSlots needs at least one slot")
        self.capacity = capacity
        base = .allocate(capacity: capacity)
        for index in 0..<capacity { zmq_msg_init(base + index) }
    }

    deinit {
        for index in 0..<capacity { zmq_msg_close(base + index) }
        base.deallocate()
    }

    /// Receives the next frame into `slot`. Returns `false` when nothing arrived (`dontWait`, or the receive timeout passed).
    public func receive(_ slot: Int, from socket: Socket, dontWait: Bool) throws -> Bool {
        while true {
            if zmq_msg_recv(base + slot, socket.handle, dontWait ? ZMQ_DONTWAIT : 0) >= 0 { return true }
            let error = ZMQError.last("zmq_msg_recv")
            if error.interrupted { continue }
            if error.wouldBlock { return false }
            throw error
        }
    }

    /// Sends the frame in `slot`; on success the slot is left empty.
    @discardableResult
    public func send(_ slot: Int, to socket: Socket, more: Bool, dontWait: Bool = false) throws -> Bool {
        let flags = (more ? ZMQ_SNDMORE : 0) | (dontWait ? ZMQ_DONTWAIT : 0)
        while true {
            if zmq_msg_send(base + slot, socket.handle, flags) >= 0 { return true }
            let error = ZMQError.last("zmq_msg_send")
            if error.interrupted { continue }
            if error.wouldBlock { return false }
            throw error
        }
    }

    /// Makes `target` share `source`'s content (reference counted, no copy).
    public func share(_ source: Int, into target: Int) {
        zmq_msg_copy(base + target, base + source)
    }

    /// Replaces the content of `slot` with a copy of `bytes`.
    public func set(_ slot: Int, to bytes: UnsafeRawBufferPointer) {
        zmq_msg_close(base + slot)
        zmq_msg_init_size(base + slot, bytes.count)
        if let source = bytes.baseAddress, bytes.count > 0 {
            zmq_msg_data(base + slot).copyMemory(from: source, byteCount: bytes.count)
        }
    }

    /// Releases the content of `slot` now rather than at its next reuse.
    public func clear(_ slot: Int) {
        zmq_msg_close(base + slot)
        zmq_msg_init(base + slot)
    }

    /// Whether another frame of the same message follows the one in `slot`.
    public func more(_ slot: Int) -> Bool {
        zmq_msg_more(base + slot) != 0
    }

    /// A metadata property of the connection the frame in `slot` arrived on (`zmq_msg_gets`, e.g.
    /// `"User-Id"`), without copying: the bytes are valid until the slot is received into, sent, set or
    /// cleared. `nil` when the frame has no such property.
    public func property(_ slot: Int, named name: String) -> UnsafeRawBufferPointer? {
        guard let value = name.withCString({ zmq_msg_gets(base + slot, $0) }) else { return nil }
        return UnsafeRawBufferPointer(start: value, count: strlen(value))
    }

    /// The bytes of `slot`, valid until the slot is received into, sent, set or cleared.
    public func bytes(_ slot: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: zmq_msg_data(base + slot), count: zmq_msg_size(base + slot))
    }
}

@available(*, unavailable)
extension MessageSlots: Sendable {}
