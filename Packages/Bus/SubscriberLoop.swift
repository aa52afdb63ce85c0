import BusProtocol
import Dispatch
import Logging
import Synchronization
import ZeroMQ

/// The subscriber's thread: a SUB on the fan-out, a DEALER on the control endpoint, and the
/// `SubscriptionTracker` deciding what to deliver and what to replay.
final class SubscriberLoop: @unchecked Sendable {  // handed once to its thread, then used only there
    /// What the public handle and the thread share.
    final class Shared: Sendable {
        private let stopFlag = Atomic(false)
        private let next = Atomic<UInt64>(0)
        func stop() { stopFlag.store(true, ordering: .relaxed) }
        var isStopped: Bool { stopFlag.load(ordering: .relaxed) }
        var nextSeq: UInt64 { next.load(ordering: .relaxed) }
        func publish(next value: UInt64) { next.store(value, ordering: .relaxed) }
    }

    private let options: Subscriber.Options
    private let channel: HandoffChannel<Delivery>
    private let shared: Shared
    private let logger: Logger
    private let context: Context
    private let sub: Socket
    private let dealer: Socket
    private let start: Subscriber.Start
    private var tracker: SubscriptionTracker?
    private var early: [Delivery] = []
    private var requestCounter: UInt64 = 0
    private var outstanding: (id: [UInt8], sentAt: UInt64)?

    init(
        endpoints: BusEndpoints, prefixes: [String], start: Subscriber.Start, options: Subscriber.Options,
        channel: HandoffChannel<Delivery>, shared: Shared, logger: Logger
    ) throws {
        self.options = options
        self.channel = channel
        self.shared = shared
        self.logger = logger
        self.start = start
        let context = try Context()
        let sub = try Socket(context, .subscribe)
        let dealer = try Socket(context, .dealer)
        // No ZMTP heartbeats on the SUB: libzmq 4.3.4 aborts (`!_io_error`, stream_engine_base.cpp:331)
        // when a heartbeat times out while a full receive pipe has stopped input — exactly the paused
        // subscriber case. Liveness comes from the broker's `_bus.head` announcements instead (see run()).
        try sub.setReconnectInterval(initialMilliseconds: 50, maximumMilliseconds: 2000)
        let beat = options.heartbeatMilliseconds
        try dealer.setHeartbeat(intervalMilliseconds: beat, timeoutMilliseconds: beat * 3, ttlMilliseconds: beat * 3)
        try dealer.setReconnectInterval(initialMilliseconds: 50, maximumMilliseconds: 2000)
        try dealer.setReceiveHighWaterMark(0)
        try sub.setReceiveHighWaterMark(options.receiveHighWaterMark)
        for prefix in Set(prefixes) { try sub.subscribe(Array(prefix.utf8)) }
        if !prefixes.contains("") { try sub.subscribe(Array(BusWire.headTopic.utf8)) }
        try sub.secure(with: endpoints.credentials)
        try dealer.secure(with: endpoints.credentials)
        try sub.connect(endpoints.fanout)
        try dealer.connect(endpoints.control)
        self.context = context
        self.sub = sub
        self.dealer = dealer
        self.fanoutEndpoint = endpoints.fanout
        self.prefix = prefixes.count == 1 ? Array(prefixes[0].utf8) : []
        self.prefixes = prefixes.map { Array($0.utf8) }
    }

    /// The prefix sent with replay requests: the only one, or "" (filtered here) when there are several.
    private let prefix: [UInt8]
    private let prefixes: [[UInt8]]
    private let fanoutEndpoint: String
    /// When the SUB last received anything; the broker announces its head every second, so a long
    /// silence means a dead connection.
    private var lastHeard = ContinuousClock.now

    func run() {
        let poller = Poller()
        let subItem = poller.add(sub, .readable)
        let dealerItem = poller.add(dealer, .readable)
        do {
            switch start {
            case .seq(let seq): try begin(at: seq)
            case .live: try ping()
            }
            while !shared.isStopped {
                try poller.poll(timeoutMilliseconds: 100)
                if poller.isReadable(dealerItem) { try readControl() }
                if poller.isReadable(subItem) {
                    lastHeard = .now
                    try readLive()
                } else if ContinuousClock.now - lastHeard > .milliseconds(options.silenceTimeoutMilliseconds) {
                    try reconnectFanout()
                }
                if let outstanding, elapsedMilliseconds(since: outstanding.sentAt) > options.requestTimeoutMilliseconds {
                    if tracker != nil { try advance { $0.replayTimedOut() } } else { try ping() }
                }
            }
            channel.finish(throwing: nil)
        } catch let error as BusError {
            channel.finish(throwing: error)
        } catch {
            logger.error("subscriber stopped on an error", metadata: ["error": "\(error)"])
            channel.finish(throwing: error)
        }
        sub.close()
        dealer.close()
    }

    /// Drops and re-makes the fan-out connection after a silence; ZeroMQ re-sends the subscriptions, and
    /// the next head announcement reveals whatever was missed.
    private func reconnectFanout() throws {
        logger.warning("no message from the broker's fan-out; reconnecting", metadata: ["endpoint": "\(fanoutEndpoint)"])
        try sub.disconnect(fanoutEndpoint)
        try sub.connect(fanoutEndpoint)
        lastHeard = .now
    }

    private func begin(at seq: UInt64) throws {
        var tracker = SubscriptionTracker(from: seq)
        var actions = tracker.start()
        for delivery in early { actions += tracker.live(delivery) }
        early.removeAll()
        self.tracker = tracker
        try perform(actions)
    }

    private func readLive() throws {
        for _ in 0..<1024 {
            guard let frames = try sub.receiveMultipart(dontWait: true) else { return }
            guard frames.count == 3, let seq = BusWire.decodeSeq(frames[1]) else { continue }
            if frames[0].elementsEqual(BusWire.headTopic.utf8) {
                try advance { $0.head(seq) }
                continue
            }
            guard matches(frames[0]) else { continue }
            let delivery = Delivery(seq: seq, topic: String(decoding: frames[0], as: UTF8.self), payload: frames[2])
            guard tracker != nil else {
                if early.count < options.bufferSize { early.append(delivery) }
                continue
            }
            try advance { $0.live(delivery) }
        }
    }

    /// `[RECORDS, request-id, through, head, first, (topic, seq, payload)*]`, `[PONG, …]` or `[ERR, …]`.
    private func readControl() throws {
        while let frames = try dealer.receiveMultipart(dontWait: true) {
            guard frames.count >= 2, let outstanding, frames[1] == outstanding.id else { continue }
            self.outstanding = nil
            switch String(decoding: frames[0], as: UTF8.self) {
            case BusWire.records:
                let page = try BusControl.Page(reply: frames, identities: false)
                let records = page.records.filter { matches(Array($0.topic.utf8)) }
                try advance { $0.records(records, through: page.through, head: page.head) }
            case BusWire.pong:
                guard frames.count >= 3, let head = BusWire.decodeSeq(frames[2]) else {
                    throw BusError.protocolViolation("PONG without a head seq")
                }
                if tracker == nil { try begin(at: head + 1) }
            case BusWire.error:
                throw BusError.refusal(frames)
            default:
                throw BusError.protocolViolation("unknown control reply")
            }
        }
    }

    /// Feeds one input to the tracker (once the start seq is known) and carries out what it decides.
    private func advance(_ input: (inout SubscriptionTracker) -> [SubscriptionTracker.Action]) throws {
        guard var tracker else { return }
        let actions = input(&tracker)
        self.tracker = tracker
        try perform(actions)
    }

    private func perform(_ actions: [SubscriptionTracker.Action]) throws {
        for action in actions {
            switch action {
            case .deliver(let delivery):
                guard channel.put(delivery, isCancelled: { shared.isStopped }) else { return }
                shared.publish(next: delivery.seq + 1)
            case .requestReplay(let from):
                try request([Array(BusWire.replay.utf8), nextRequestID(), BusWire.encode(from), prefix, BusWire.encode(count: options.replayBatch)])
            }
        }
        if let tracker { shared.publish(next: tracker.next) }
    }

    private func ping() throws {
        try request([Array(BusWire.ping.utf8), nextRequestID()])
    }

    private func request(_ frames: [[UInt8]]) throws {
        outstanding = (frames[1], DispatchTime.now().uptimeNanoseconds)
        try dealer.send(multipart: frames, dontWait: true)
    }

    private func nextRequestID() -> [UInt8] {
        requestCounter += 1
        return BusWire.encode(requestCounter)
    }

    private func matches(_ topic: [UInt8]) -> Bool {
        prefixes.contains { topic.starts(with: $0) }
    }

    private func elapsedMilliseconds(since start: UInt64) -> Int {
        Int((DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
    }
}
