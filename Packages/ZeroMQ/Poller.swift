import CZMQ

/// Events to wait for, or that happened, on a polled socket or file descriptor.
public struct PollEvents: OptionSet, Sendable {
    public let rawValue: Int16
    public init(rawValue: Int16) { self.rawValue = rawValue }
    public static let readable = PollEvents(rawValue: Int16(ZMQ_POLLIN))
    public static let writable = PollEvents(rawValue: Int16(ZMQ_POLLOUT))
    public static let error = PollEvents(rawValue: Int16(ZMQ_POLLERR))
}

/// Waits on several sockets and plain file descriptors at once (`zmq_poll`).
///
/// Not `Sendable`: it holds sockets and is used by the loop that owns them.
///
/// ```swift
/// let poller = Poller()
/// let ingress = poller.add(router, .readable)
/// let wake = poller.add(fd: mailbox.fileDescriptor, .readable)
/// while try poller.poll(timeoutMilliseconds: 100) >= 0 {
///     if poller.events(at: ingress).contains(.readable) { … }
/// }
/// ```
public final class Poller {
    private var items: [zmq_pollitem_t] = []
    private var sockets: [Socket?] = []

    public init() {}

    /// Watches `socket` for `events`; returns the index to query after `poll`.
    @discardableResult
    public func add(_ socket: Socket, _ events: PollEvents) -> Int {
        items.append(zmq_pollitem_t(socket: socket.handle, fd: -1, events: events.rawValue, revents: 0))
        sockets.append(socket)
        return items.count - 1
    }

    /// Watches a plain file descriptor (e.g. a `Wakeup`) for `events`.
    @discardableResult
    public func add(fd: Int32, _ events: PollEvents) -> Int {
        items.append(zmq_pollitem_t(socket: nil, fd: fd, events: events.rawValue, revents: 0))
        sockets.append(nil)
        return items.count - 1
    }

    /// Changes the events watched at `index`.
    public func watch(_ index: Int, _ events: PollEvents) {
        items[index].events = events.rawValue
    }

    /// Waits until an item is ready or the timeout passes (`nil` waits forever); returns how many are
    /// ready. An interrupting signal counts as a timeout with nothing ready.
    @discardableResult
    public func poll(timeoutMilliseconds: Int?) throws -> Int {
        let count = zmq_poll(&items, Int32(items.count), timeoutMilliseconds ?? -1)
        if count >= 0 { return Int(count) }
        let error = ZMQError.last("zmq_poll")
        if error.interrupted {
            for index in items.indices { items[index].revents = 0 }
            return 0
        }
        throw error
    }

    /// What happened at `index` in the last `poll`.
    public func events(at index: Int) -> PollEvents {
        PollEvents(rawValue: items[index].revents)
    }

    /// Whether `index` was readable in the last `poll`.
    public func isReadable(_ index: Int) -> Bool {
        events(at: index).contains(.readable)
    }
}

@available(*, unavailable)
extension Poller: Sendable {}
