import CZMQ

/// A connection event on a monitored socket (`zmq_socket_monitor`).
public struct MonitorEvent: Sendable, Equatable {
    /// What happened.
    public enum Kind: Sendable, Equatable {
        case connected, connectDelayed, connectRetried, listening, bindFailed, accepted, acceptFailed
        case closed, closeFailed, disconnected, monitorStopped
        case handshakeSucceeded, handshakeFailedNoDetail, handshakeFailedProtocol, handshakeFailedAuth
        case other(UInt16)

        init(_ raw: UInt16) {
            switch Int32(raw) {
            case ZMQ_EVENT_CONNECTED: self = .connected
            case ZMQ_EVENT_CONNECT_DELAYED: self = .connectDelayed
            case ZMQ_EVENT_CONNECT_RETRIED: self = .connectRetried
            case ZMQ_EVENT_LISTENING: self = .listening
            case ZMQ_EVENT_BIND_FAILED: self = .bindFailed
            case ZMQ_EVENT_ACCEPTED: self = .accepted
            case ZMQ_EVENT_ACCEPT_FAILED: self = .acceptFailed
            case ZMQ_EVENT_CLOSED: self = .closed
            case ZMQ_EVENT_CLOSE_FAILED: self = .closeFailed
            case ZMQ_EVENT_DISCONNECTED: self = .disconnected
            case ZMQ_EVENT_MONITOR_STOPPED: self = .monitorStopped
            case ZMQ_EVENT_HANDSHAKE_SUCCEEDED: self = .handshakeSucceeded
            case ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL: self = .handshakeFailedNoDetail
            case ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL: self = .handshakeFailedProtocol
            case ZMQ_EVENT_HANDSHAKE_FAILED_AUTH: self = .handshakeFailedAuth
            default: self = .other(raw)
            }
        }
    }

    public let kind: Kind
    /// The event's value: a file descriptor, errno, reconnect interval or status code, by kind.
    public let value: UInt32
    /// The endpoint the event concerns.
    public let endpoint: String
}

/// Receives a socket's connection events over an `inproc` PAIR socket. Poll `socket` for readability,
/// then call `receive(dontWait:)`. Owned by the loop that owns the monitored socket.
public final class SocketMonitor {
    /// The PAIR socket the events arrive on; add it to a `Poller`.
    public let socket: Socket

    init(socket: Socket) {
        self.socket = socket
    }

    /// The next event, or `nil` when `dontWait` is set and none is waiting.
    public func receive(dontWait: Bool = false) throws -> MonitorEvent? {
        guard let frames = try socket.receiveMultipart(dontWait: dontWait) else { return nil }
        guard frames.count == 2, frames[0].count == 6 else {
            throw ZMQError(code: EPROTO, operation: "socket monitor: unexpected event frames")
        }
        let header = frames[0]
        let kind = UInt16(header[0]) | UInt16(header[1]) << 8
        let value = header[2...5].reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        return MonitorEvent(kind: .init(kind), value: value, endpoint: String(decoding: frames[1], as: UTF8.self))
    }
}

@available(*, unavailable)
extension SocketMonitor: Sendable {}

extension Socket {
    /// Starts reporting this socket's connection events; read them from the returned monitor.
    public func monitor(context: Context) throws -> SocketMonitor {
        let endpoint = "inproc://monitor-\(UInt(bitPattern: handle))-\(UInt64.random(in: 0...UInt64.max))"
        guard zmq_socket_monitor(handle, endpoint, ZMQ_EVENT_ALL) == 0 else {
            throw ZMQError.last("zmq_socket_monitor")
        }
        let pair = try Socket(context, .pair)
        try pair.connect(endpoint)
        return SocketMonitor(socket: pair)
    }
}
