import Logging
import Synchronization
import ZeroMQ

/// A member of a queue group: receives each matching record that the broker leases to it, and acks or
/// nacks it. Every record of the group's prefix goes to exactly one live worker at a time; a nack or an
/// expired lease hands it to another worker, and after the group's max attempts it is dead-lettered.
///
/// ```swift
/// let worker = try GroupWorker(endpoint: endpoints.group, group: "qa", prefix: "campaign.qa.", id: "qa-1", logger: logger)
/// for try await work in worker {
///     do { try check(work); try await worker.ack(work.seq) }
///     catch { try await worker.nack(work.seq, reason: "\(error)") }
/// }
/// ```
///
/// `Sendable`: calls go through a `Mailbox` to the worker's own thread, which owns the DEALER.
public final class GroupWorker: AsyncSequence, Sendable {
    public typealias Element = Work

    /// One leased record.
    public struct Work: Sendable, Equatable {
        public let seq: UInt64
        public let topic: String
        public let payload: [UInt8]
        /// 1 on first delivery; higher when redelivered after a nack or an expired lease.
        public let attempt: Int
    }

    /// The group's settings (fixed by the group's first JOIN) and this worker's flow control.
    public struct Options: Sendable {
        /// Records this worker may hold unacknowledged.
        public var credit: Int
        /// Deliveries before a record is dead-lettered.
        public var maxAttempts: Int
        /// How long a lease lasts before the record goes to another worker, in milliseconds.
        public var leaseMilliseconds: Int
        /// The journal seq a new group starts from.
        public var startSeq: UInt64
        /// Heartbeat interval, in milliseconds; the broker drops a worker silent for 3 seconds.
        public var heartbeatMilliseconds: Int

        public init(credit: Int = 64, maxAttempts: Int = 5, leaseMilliseconds: Int = 30_000, startSeq: UInt64 = 1, heartbeatMilliseconds: Int = 1000) {
            self.credit = credit
            self.maxAttempts = maxAttempts
            self.leaseMilliseconds = leaseMilliseconds
            self.startSeq = startSeq
            self.heartbeatMilliseconds = heartbeatMilliseconds
        }
    }

    enum Command: Sendable {
        case settle(seq: UInt64, nack: String?, continuation: CheckedContinuation<Void, any Error>)
        case leave
    }

    private let mailbox: Mailbox<Command>
    private let channel: HandoffChannel<Work>
    private let closed = Mutex(false)
    private let stop = StopFlag()

    /// Joins `group` (records whose topic starts with `prefix`) as worker `id` — keep the id stable across
    /// restarts of the same worker, so its leases survive a reconnect. Connects as a CURVE client when
    /// `credentials` are given.
    public init(
        endpoint: String, credentials: BusCredentials? = nil, group: String, prefix: String, id: String, options: Options = Options(),
        logger: Logger
    ) throws {
        let mailbox = try Mailbox<Command>()
        // Room beyond the credit: records whose lease expired while waiting here no longer count against
        // it, so the broker may send more; the socket thread must never block on a full channel while the
        // consumer waits for an ack only that thread can send.
        let channel = HandoffChannel<Work>(capacity: Swift.max(options.credit, 1) * 4 + 64)
        let loop = try GroupWorkerLoop(
            endpoint: endpoint, credentials: credentials, group: group, prefix: prefix, id: id, options: options, mailbox: mailbox,
            channel: channel, stop: stop, logger: logger)
        self.mailbox = mailbox
        self.channel = channel
        SocketThread.start(name: "marquee-worker") { loop.run() }
    }

    deinit {
        close()
    }

    /// The work on `seq` is done. Returns once the broker has made the ack durable; throws
    /// `BusError.refused(code: "lease_lost", …)` if the lease expired and the record went to another worker.
    public func ack(_ seq: UInt64) async throws {
        try await settle(seq, nack: nil)
    }

    /// Gives `seq` back for another worker (or the dead-letter topic after max attempts), with a reason.
    public func nack(_ seq: UInt64, reason: String) async throws {
        try await settle(seq, nack: reason)
    }

    /// Leaves the group: unacknowledged records go to other workers; iteration ends.
    public func close() {
        let first = closed.withLock { closed in
            defer { closed = true }
            return !closed
        }
        if first {
            stop.set()
            mailbox.post(.leave)
        }
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(worker: self)
    }

    /// Keeps its worker alive while iterating: dropping the last other reference must not close it mid-loop.
    public struct Iterator: AsyncIteratorProtocol {
        let worker: GroupWorker

        public mutating func next() async throws -> Work? {
            try await worker.channel.next()
        }
    }

    private func settle(_ seq: UInt64, nack: String?) async throws {
        try await withCheckedThrowingContinuation { continuation in
            let accepted = closed.withLock { closed in
                if !closed { mailbox.post(.settle(seq: seq, nack: nack, continuation: continuation)) }
                return !closed
            }
            if !accepted { continuation.resume(throwing: BusError.closed) }
        }
    }
}
