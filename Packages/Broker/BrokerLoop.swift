import BusProtocol
import CoreMetrics
import Foundation
import Logging
import ZeroMQ

/// The broker's single thread: owns the three sockets and the journal, polls them and dispatches.
/// Created and run on that thread only (not `Sendable`).
final class BrokerLoop {
    let configuration: BrokerConfiguration
    let logger: Logger
    let journal: Journal
    let context: Context
    let ingress: Socket
    let fanout: Socket
    let control: Socket
    let groupSocket: Socket
    /// Queue-group state changes, kept in their own journal (`<journal>/groups`), compacted as it grows.
    let groupJournal: GroupJournal
    var groups: [String: QueueGroup] = [:]
    var pendingDeadLetters: [(group: String, letter: QueueGroup.Redelivery)] = []
    let mailbox: Mailbox<Broker.Command>
    let endpoints: Broker.Endpoints
    /// Four slots per publish in a batch — identity, topic, payload, id — plus one scratch slot.
    let slots: MessageSlots
    /// Three slots per record of a RECORDS reply: topic, payload and (when asked for) identity.
    let replaySlots: MessageSlots
    var dedupe: DedupeWindow
    var stats = BrokerStats()
    var staged: [Staged] = []
    let metrics: BrokerMetrics
    /// Receives the broker's health once per head announcement.
    let reportHealth: @Sendable (BrokerHealth) -> Void
    /// Answers CURVE handshakes when the broker runs with security; bound before the sockets are.
    let zap: ZAPHandler?
    /// What each authenticated identity may publish; `nil` without security.
    let publishPolicy: PublishPolicy?

    /// One publish drained into the current batch.
    struct Staged {
        var slot: Int
        var seq: UInt64
        var outcome: Outcome
        enum Outcome { case stored, duplicate, refused(BusWire.ErrorCode, String) }
    }

    init(
        configuration: BrokerConfiguration, mailbox: Mailbox<Broker.Command>, metrics: any MetricsFactory,
        reportHealth: @escaping @Sendable (BrokerHealth) -> Void, logger: Logger
    ) throws {
        self.configuration = configuration
        self.mailbox = mailbox
        self.logger = logger
        self.metrics = BrokerMetrics(factory: metrics)
        self.reportHealth = reportHealth
        guard configuration.maxMessageBytes > 0, configuration.maxMessageBytes <= BrokerConfiguration.maxMessageBytesLimit else {
            throw BrokerError.startFailed("max message bytes must be between 1 and \(BrokerConfiguration.maxMessageBytesLimit)")
        }
        journal = try Journal(directory: configuration.journalDirectory, options: configuration.journal, logger: logger)
        if let reason = journal.recovery.reason {
            logger.warning("journal recovered", metadata: ["reason": "\(reason)"])
        }
        context = try Context(ioThreads: 1)
        if let security = configuration.security {
            if let problem = security.problem { throw BrokerError.startFailed(problem) }
            zap = try ZAPHandler(context: context, clients: security.clients, logger: logger)
            publishPolicy = PublishPolicy(clients: security.clients)
        } else {
            zap = nil
            publishPolicy = nil
        }
        ingress = try Socket(context, .router)
        fanout = try Socket(context, .xpublish)
        control = try Socket(context, .router)
        groupSocket = try Socket(context, .router)
        try groupSocket.setRouterHandover(true)
        try groupSocket.setReceiveHighWaterMark(0)
        groupJournal = try GroupJournal(
            dataDirectory: configuration.journalDirectory, flush: configuration.journal.flush,
            compactBytes: configuration.groupJournalCompactBytes, logger: logger)
        for socket in [ingress, control, groupSocket] {
            let beat = configuration.heartbeatMilliseconds
            try socket.setHeartbeat(intervalMilliseconds: beat, timeoutMilliseconds: beat * 3, ttlMilliseconds: beat * 3)
        }
        // No ZMTP PINGs on the fanout: libzmq 4.3.4 aborts (`!_io_error`, stream_engine_base.cpp:331;
        // zeromq/libzmq#4364, #4767) when a subscriber whose full receive pipe has stopped input loses
        // the connection and later decodes a buffered PING. Subscribers watch the `_bus.head`
        // announcements instead, and the kernel's keepalive drops a dead subscriber here.
        try fanout.setTCPKeepalive(idleSeconds: 10, intervalSeconds: 2, count: 3)
        try ingress.setMaxMessageSize(Int64(configuration.maxMessageBytes) * 2)
        try control.setMaxMessageSize(64 * 1024)
        // Unlimited receive queues on the ROUTERs: libzmq 4.3.4 aborts when a ZMTP heartbeat times out on a
        // connection whose input is stopped by a full pipe. Publishers bound what they send by their
        // in-flight window, and a control client has few requests out.
        try ingress.setReceiveHighWaterMark(0)
        try control.setReceiveHighWaterMark(0)
        // Acks are small; a deep queue keeps a bursty publisher from losing them (it would resend).
        try ingress.setSendHighWaterMark(100_000)
        try fanout.setSendHighWaterMark(configuration.fanoutHighWaterMark)
        try fanout.setMaxMessageSize(64 * 1024)
        if let security = configuration.security {
            for socket in [ingress, fanout, control, groupSocket] {
                try socket.setZAPDomain(security.zapDomain)
                try socket.makeCurveServer(secretKey: security.serverSecretKey)
            }
        }
        try ingress.bind(configuration.ingressEndpoint)
        try fanout.bind(configuration.fanoutEndpoint)
        try control.bind(configuration.controlEndpoint)
        try groupSocket.bind(configuration.groupEndpoint)
        endpoints = Broker.Endpoints(
            ingress: try ingress.lastEndpoint, fanout: try fanout.lastEndpoint, control: try control.lastEndpoint,
            group: try groupSocket.lastEndpoint)
        slots = MessageSlots(capacity: configuration.maxBatch * 4 + 1)
        replaySlots = MessageSlots(capacity: configuration.replayMaxRecords * 3)
        staged.reserveCapacity(configuration.maxBatch)
        dedupe = DedupeWindow(
            capacity: configuration.dedupeCapacity, windowMilliseconds: configuration.dedupeWindowMilliseconds)
        try rebuildDedupeWindow()
        try rebuildGroups()
        self.metrics.startCounting(groups)
        observe()
        logger.info(
            "broker ready",
            metadata: [
                "ingress": "\(endpoints.ingress)", "fanout": "\(endpoints.fanout)", "control": "\(endpoints.control)",
                "group": "\(endpoints.group)",
                "bus.first_seq": "\(journal.firstSeq)", "bus.last_seq": "\(journal.lastSeq)",
                "flush": "\(configuration.journal.flush.rawValue)",
                "security": "\(configuration.security.map { "curve, \($0.clients.count) clients" } ?? "none (plain TCP)")",
            ])
    }

    /// Serves until a `.stop` arrives; throws when the journal can no longer be written.
    func run() throws {
        let poller = Poller()
        let ingressItem = poller.add(ingress, .readable)
        let controlItem = poller.add(control, .readable)
        let fanoutItem = poller.add(fanout, .readable)
        let groupItem = poller.add(groupSocket, .readable)
        let mailboxItem = poller.add(fd: mailbox.fileDescriptor, .readable)
        var nextGroupTick = Self.nowMilliseconds()
        var nextHead = Self.nowMilliseconds()
        var nextRetention = nextHead + Int64(configuration.retentionCheckMilliseconds)
        var backlog = false
        defer { closeSockets() }
        while true {
            let now = Self.nowMilliseconds()
            let wake = groups.isEmpty ? min(nextHead, nextRetention) : min(nextHead, nextRetention, nextGroupTick)
            let wait = backlog ? 0 : Int(max(0, wake - now))
            try poller.poll(timeoutMilliseconds: wait)
            if poller.isReadable(mailboxItem) {
                for command in mailbox.drain() {
                    switch command {
                    case .stop:
                        logger.info("broker stopping", metadata: ["bus.last_seq": "\(journal.lastSeq)"])
                        return
                    }
                }
            }
            let drain = backlog || poller.isReadable(ingressItem)
            backlog = false
            var drained = 0
            if drain {
                drained = try drainIngress()
                backlog = drained == configuration.maxBatch
            }
            if poller.isReadable(controlItem) { try serveControl() }
            if poller.isReadable(fanoutItem) { try readSubscriptions() }
            let after = Self.nowMilliseconds()
            let groupsDue = !groups.isEmpty && (drained > 0 || after >= nextGroupTick)
            // The poll's answer may be seconds old after a slow commit: read the workers' acks and heartbeats
            // anyway before leases expire or workers are judged silent, or a stall of the broker's own would
            // be blamed on them.
            if poller.isReadable(groupItem) || groupsDue { try serveGroups(now: after) }
            if groupsDue || poller.isReadable(groupItem) {
                try dispatchGroups(now: Self.nowMilliseconds())
                nextGroupTick = after + 100
            }
            if after >= nextHead {
                try announceHead()
                observe()
                nextHead = after + Int64(configuration.headIntervalMilliseconds)
            }
            if after >= nextRetention {
                enforceRetention(now: after)
                nextRetention = after + Int64(configuration.retentionCheckMilliseconds)
            }
        }
    }

    /// Sends `[_bus.head, head-seq, ""]` so subscribers can tell they missed the tail of the stream.
    func announceHead() throws {
        try sendToSubscribers(topic: Array(BusWire.headTopic.utf8), seq: journal.lastSeq, payload: [])
    }

    /// Sends one broker-made message on the fan-out as `[topic, seq, payload]` (publishes go out zero-copy
    /// from their received frames instead, in `fanOut()`).
    func sendToSubscribers(topic: [UInt8], seq: UInt64, payload: [UInt8]) throws {
        try fanout.send(topic, more: true, dontWait: true)
        try fanout.send(BusWire.encode(seq), more: true, dontWait: true)
        try fanout.send(payload, more: false, dontWait: true)
    }

    func enforceRetention(now: Int64) {
        do {
            let removed = try journal.enforceRetention(now: now)
            if removed > 0 {
                logger.info("retention removed segments", metadata: ["segments": "\(removed)", "bus.first_seq": "\(journal.firstSeq)"])
            }
        } catch {
            logger.error("retention failed", metadata: ["error": "\(error)"])
        }
    }

    /// Subscription frames (`\x01prefix` / `\x00prefix`) from subscribers; counted for STATS.
    func readSubscriptions() throws {
        while let frames = try fanout.receiveMultipart(dontWait: true) {
            guard let first = frames.first?.first else { continue }
            if first == 1 { stats.subscriptions += 1 } else if first == 0 { stats.subscriptions -= 1 }
        }
    }

    /// Rebuilds the dedupe window from the journal's tail, so a publisher resending after a broker
    /// restart still gets the original seq.
    func rebuildDedupeWindow() throws {
        guard journal.lastSeq >= journal.firstSeq else { return }
        let horizon = Self.nowMilliseconds() - configuration.dedupeWindowMilliseconds
        let capacity = UInt64(configuration.dedupeCapacity)
        let start = max(journal.firstSeq, journal.lastSeq >= capacity ? journal.lastSeq - capacity + 1 : 1)
        do {
            try journal.read(from: start) { record in
                if record.time >= horizon { dedupe.remember(Array(record.id), seq: record.seq, time: record.time) }
                return true
            }
        } catch {
            logger.error("dedupe window only partly rebuilt", metadata: ["error": "\(error)"])
        }
    }

    func closeSockets() {
        ingress.close()
        fanout.close()
        control.close()
        groupSocket.close()
        zap?.stop()
    }

    static func nowMilliseconds() -> Int64 {
        Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
    }

    static func monotonicNanoseconds() -> UInt64 {
        DispatchTime.now().uptimeNanoseconds
    }
}
