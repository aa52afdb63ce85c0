import Logging
import Synchronization
import ZeroMQ

/// Publishes to the broker and returns each message's global seq once the broker has made it durable.
///
/// Many publishes may be in flight at once (up to `Options.window`); further calls wait their turn.
/// When the broker restarts or an ack is late, every unacknowledged publish is sent again — safe, because
/// the broker answers a repeated id with the seq it first stored, never storing it twice.
///
/// ```swift
/// let publisher = try Publisher(ingress: "tcp://127.0.0.1:7701", logger: logger)
/// let seq = try await publisher.publish(topic: "campaign.intake.held", payload: json, id: eventID)
/// await publisher.close()
/// ```
///
/// `Sendable`: callers only touch a `Mailbox`; the DEALER socket lives on the publisher's own thread.
public final class Publisher: Sendable {
    /// Tuning for a publisher.
    public struct Options: Sendable {
        /// Most publishes sent and not yet acknowledged.
        public var window: Int
        /// An unacknowledged publish is sent again after this long, in milliseconds.
        public var ackTimeoutMilliseconds: Int
        /// ZMTP heartbeat interval, in milliseconds.
        public var heartbeatMilliseconds: Int

        public init(window: Int = 1000, ackTimeoutMilliseconds: Int = 3000, heartbeatMilliseconds: Int = 1000) {
            self.window = window
            self.ackTimeoutMilliseconds = ackTimeoutMilliseconds
            self.heartbeatMilliseconds = heartbeatMilliseconds
        }
    }

    /// One publish on its way to the loop.
    struct Outgoing: Sendable {
        let topic: [UInt8]
        let payload: [UInt8]
        let id: [UInt8]
        let continuation: CheckedContinuation<UInt64, any Error>
    }

    enum Command: Sendable {
        case publish(Outgoing)
        case close(CheckedContinuation<Void, Never>?)
    }

    private let mailbox: Mailbox<Command>
    private let closed = Mutex(false)

    /// Connects to the broker's ingress endpoint (as a CURVE client when `credentials` are given) and
    /// starts the publisher's thread.
    public init(ingress: String, credentials: BusCredentials? = nil, options: Options = Options(), logger: Logger) throws {
        let mailbox = try Mailbox<Command>()
        let loop = try PublisherLoop(ingress: ingress, credentials: credentials, options: options, mailbox: mailbox, logger: logger)
        self.mailbox = mailbox
        SocketThread.start(name: "marquee-publisher") { loop.run() }
    }

    /// Connects to `bus.ingress` with `bus.credentials`.
    public convenience init(bus: BusEndpoints, options: Options = Options(), logger: Logger) throws {
        try self.init(ingress: bus.ingress, credentials: bus.credentials, options: options, logger: logger)
    }

    /// Publishes `payload` on `topic` under the idempotency key `id` (the event id); returns its seq.
    /// Throws `BusError.refused` when the broker rejects the message, `BusError.closed` after `close()`.
    public func publish(topic: String, payload: [UInt8], id: String) async throws -> UInt64 {
        try await withCheckedThrowingContinuation { continuation in
            let outgoing = Outgoing(topic: Array(topic.utf8), payload: payload, id: Array(id.utf8), continuation: continuation)
            // Checked under the lock so no publish can slip in behind the close command.
            let accepted = closed.withLock { closed in
                if !closed { mailbox.post(.publish(outgoing)) }
                return !closed
            }
            if !accepted { continuation.resume(throwing: BusError.closed) }
        }
    }

    deinit {
        let open = closed.withLock { closed in
            defer { closed = true }
            return !closed
        }
        if open { mailbox.post(.close(nil)) }
    }

    /// Stops the publisher; publishes still waiting for an ack fail with `BusError.closed`.
    public func close() async {
        await withCheckedContinuation { continuation in
            let first = closed.withLock { closed in
                defer { closed = true }
                if !closed { mailbox.post(.close(continuation)) }
                return !closed
            }
            if !first { continuation.resume() }
        }
    }
}
