import BusProtocol
import Logging
import Synchronization
import ZeroMQ

/// Request/reply access to the broker's control endpoint: PING, STATS and one page of REPLAY at a time.
///
/// `Sendable`: requests go through a `Mailbox` to the DEALER's own thread and complete continuations.
public final class BusControl: Sendable {
    /// One page of a replay.
    public struct Page: Sendable, Equatable {
        /// The matching records, in seq order.
        public let records: [Delivery]
        /// Every seq up to this one was scanned; continue from `through + 1`.
        public let through: UInt64
        /// The broker's last stored seq when it answered.
        public let head: UInt64
        /// The oldest seq the broker still keeps.
        public let first: UInt64

        /// Reads `[RECORDS, request-id, through, head, first, (topic, seq, payload (, identity))*]`.
        init(reply: [[UInt8]], identities: Bool) throws(BusError) {
            let width = identities ? 4 : 3
            guard reply.count >= 5, (reply.count - 5) % width == 0, let through = BusWire.decodeSeq(reply[2]),
                let head = BusWire.decodeSeq(reply[3]), let first = BusWire.decodeSeq(reply[4])
            else { throw BusError.protocolViolation("RECORDS with \(reply.count) frames") }
            var records: [Delivery] = []
            records.reserveCapacity((reply.count - 5) / width)
            for index in stride(from: 5, to: reply.count, by: width) {
                guard let seq = BusWire.decodeSeq(reply[index + 1]) else { throw BusError.protocolViolation("a record without a seq") }
                records.append(
                    Delivery(
                        seq: seq, topic: String(decoding: reply[index], as: UTF8.self), payload: reply[index + 2],
                        identity: identities ? String(decoding: reply[index + 3], as: UTF8.self) : nil))
            }
            (self.records, self.through, self.head, self.first) = (records, through, head, first)
        }
    }

    struct Request: Sendable {
        let frames: [[UInt8]]
        let continuation: CheckedContinuation<[[UInt8]], any Error>
    }

    private let mailbox: Mailbox<Request?>
    private let closed = Mutex(false)

    /// Connects to the broker's control endpoint; requests fail with `BusError.timedOut` after `timeoutMilliseconds`.
    /// Connects as a CURVE client when `credentials` are given.
    public init(endpoint: String, credentials: BusCredentials? = nil, timeoutMilliseconds: Int = 5000, logger: Logger) throws {
        let mailbox = try Mailbox<Request?>()
        let loop = try ControlLoop(
            endpoint: endpoint, credentials: credentials, timeoutMilliseconds: timeoutMilliseconds, mailbox: mailbox, logger: logger)
        self.mailbox = mailbox
        SocketThread.start(name: "marquee-control") { loop.run() }
    }

    /// Connects to `bus.control` with `bus.credentials`.
    public convenience init(bus: BusEndpoints, timeoutMilliseconds: Int = 5000, logger: Logger) throws {
        try self.init(endpoint: bus.control, credentials: bus.credentials, timeoutMilliseconds: timeoutMilliseconds, logger: logger)
    }

    deinit {
        close()
    }

    /// Stops the client; requests still waiting fail with `BusError.closed`.
    public func close() {
        let first = closed.withLock { closed in
            defer { closed = true }
            return !closed
        }
        if first { mailbox.post(nil) }
    }

    /// The broker's head (last stored seq) and first retained seq.
    public func ping() async throws -> (head: UInt64, first: UInt64) {
        let reply = try await send([Array(BusWire.ping.utf8)])
        guard reply.count >= 4, let head = BusWire.decodeSeq(reply[2]), let first = BusWire.decodeSeq(reply[3]) else {
            throw BusError.protocolViolation("PONG with \(reply.count) frames")
        }
        return (head, first)
    }

    /// The broker's STATS document (JSON).
    public func stats() async throws -> [UInt8] {
        let reply = try await send([Array(BusWire.stats.utf8)])
        guard reply.count >= 3 else { throw BusError.protocolViolation("STATS with \(reply.count) frames") }
        return reply[2]
    }

    /// Up to `limit` records from `from` on whose topic starts with `prefix`; with `identities`, each carries
    /// the identity that published it.
    public func replay(from: UInt64, prefix: String = "", limit: UInt32 = 1000, identities: Bool = false) async throws -> Page {
        var request = [Array(BusWire.replay.utf8), BusWire.encode(from), Array(prefix.utf8), BusWire.encode(count: limit)]
        if identities { request.append(Array(BusWire.replayIdentity.utf8)) }
        return try Page(reply: try await send(request), identities: identities)
    }

    /// Sends `[command, request-id, arguments…]` and returns the reply, or throws the broker's refusal.
    private func send(_ frames: [[UInt8]]) async throws -> [[UInt8]] {
        try await withCheckedThrowingContinuation { continuation in
            let accepted = closed.withLock { closed in
                if !closed { mailbox.post(Request(frames: frames, continuation: continuation)) }
                return !closed
            }
            if !accepted { continuation.resume(throwing: BusError.closed) }
        }
    }
}

/// The control client's thread: numbers requests, matches replies, and times them out.
private final class ControlLoop: @unchecked Sendable {  // handed once to its thread, then used only there
    private let mailbox: Mailbox<BusControl.Request?>
    private let timeout: UInt64
    private let logger: Logger
    private let context: Context
    private let dealer: Socket
    private var counter: UInt64 = 0
    private var waiting: [UInt64: (request: BusControl.Request, sentAt: ContinuousClock.Instant)] = [:]

    init(endpoint: String, credentials: BusCredentials?, timeoutMilliseconds: Int, mailbox: Mailbox<BusControl.Request?>, logger: Logger) throws {
        self.mailbox = mailbox
        self.timeout = UInt64(timeoutMilliseconds)
        self.logger = logger
        context = try Context()
        dealer = try Socket(context, .dealer)
        try dealer.setReconnectInterval(initialMilliseconds: 50, maximumMilliseconds: 1000)
        try dealer.secure(with: credentials)
        try dealer.connect(endpoint)
    }

    func run() {
        let poller = Poller()
        let dealerItem = poller.add(dealer, .readable)
        let mailboxItem = poller.add(fd: mailbox.fileDescriptor, .readable)
        while true {
            do {
                try poller.poll(timeoutMilliseconds: 100)
                if poller.isReadable(mailboxItem) {
                    for request in mailbox.drain() {
                        guard let request else { return finish() }
                        counter += 1
                        waiting[counter] = (request, .now)
                        var frames = request.frames
                        frames.insert(BusWire.encode(counter), at: 1)
                        try dealer.send(multipart: frames, dontWait: true)
                    }
                }
                if poller.isReadable(dealerItem) {
                    while let reply = try dealer.receiveMultipart(dontWait: true) {
                        guard reply.count >= 2, let id = BusWire.decodeSeq(reply[1]), let entry = waiting.removeValue(forKey: id) else { continue }
                        if reply[0].elementsEqual(BusWire.error.utf8) {
                            entry.request.continuation.resume(
                                throwing: BusError.refusal(reply))
                        } else {
                            entry.request.continuation.resume(returning: reply)
                        }
                    }
                }
                let now = ContinuousClock.now
                for (id, entry) in waiting where now - entry.sentAt > .milliseconds(timeout) {
                    waiting.removeValue(forKey: id)
                    entry.request.continuation.resume(throwing: BusError.timedOut)
                }
            } catch {
                logger.error("control client error", metadata: ["error": "\(error)"])
            }
        }
    }

    private func finish() {
        for entry in waiting.values { entry.request.continuation.resume(throwing: BusError.closed) }
        waiting.removeAll()
        for request in mailbox.drain() { request?.continuation.resume(throwing: BusError.closed) }
        dealer.close()
    }
}
