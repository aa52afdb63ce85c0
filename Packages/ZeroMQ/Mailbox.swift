import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A queue that any thread or task may post to, and that a socket loop drains after `zmq_poll` reports
/// its file descriptor readable. This is how async code talks to the thread that owns the sockets.
///
/// `Sendable`: the queue is guarded by a `Mutex`, and the wake-up is a non-blocking pipe, whose one-byte
/// writes are atomic and thread-safe.
public final class Mailbox<Item: Sendable>: Sendable {
    private let queue = Mutex<[Item]>([])
    private let readFD: Int32
    private let writeFD: Int32

    public init() throws {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw ZMQError(code: errno, operation: "pipe") }
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        (readFD, writeFD) = (fds[0], fds[1])
    }

    deinit {
        close(readFD)
        close(writeFD)
    }

    /// The descriptor to add to the loop's `Poller` for `.readable`.
    public var fileDescriptor: Int32 { readFD }

    /// Queues `item` and wakes the loop.
    public func post(_ item: sending Item) {
        let wasEmpty = queue.withLock { items in
            items.append(item)
            return items.count == 1
        }
        if wasEmpty { signal() }
    }

    /// Takes everything queued, oldest first, and clears the wake-up.
    public func drain() -> [Item] {
        var scratch = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        while read(readFD, &scratch, MemoryLayout.size(ofValue: scratch)) > 0 {}
        return queue.withLock { items in
            defer { items.removeAll(keepingCapacity: true) }
            return items
        }
    }

    private func signal() {
        var one: UInt8 = 1
        _ = write(writeFD, &one, 1)
    }
}
