import BusProtocol
import Logging
import ZeroMQ

/// The group worker's thread: JOINs, receives WORK into the hand-off channel, sends ACK/NACK and
/// heartbeats, and re-joins (resending unconfirmed acks) after the broker restarts or goes silent.
final class GroupWorkerLoop: @unchecked Sendable {  // handed once to its thread, then used only there
    private let endpoint: String
    private let group: [UInt8]
    private let prefix: [UInt8]
    private let options: GroupWorker.Options
    private let mailbox: Mailbox<GroupWorker.Command>
    private let channel: HandoffChannel<GroupWorker.Work>
    private let stop: StopFlag
    private let logger: Logger
    private let context: Context
    private let dealer: Socket
    /// Acks and nacks sent and not yet confirmed, by seq.
    private var settling: [UInt64: (nack: String?, continuation: CheckedContinuation<Void, any Error>)] = [:]
    /// Records handed to the consumer and not yet settled.
    private var inHand: Set<UInt64> = []
    private var lastHeard = ContinuousClock.now
    private var lastBeat = ContinuousClock.now
    private var stopping = false

    init(
        endpoint: String, credentials: BusCredentials?, group: String, prefix: String, id: String, options: GroupWorker.Options,
        mailbox: Mailbox<GroupWorker.Command>, channel: HandoffChannel<GroupWorker.Work>, stop: StopFlag, logger: Logger
    ) throws {
        self.stop = stop
        self.endpoint = endpoint
        self.group = Array(group.utf8)
        self.prefix = Array(prefix.utf8)
        self.options = options
        self.mailbox = mailbox
        self.channel = channel
        self.logger = logger
        context = try Context()
        dealer = try Socket(context, .dealer)
        try dealer.setRoutingID(Array(id.utf8))
        try dealer.setReconnectInterval(initialMilliseconds: 50, maximumMilliseconds: 1000)
        try dealer.setReceiveHighWaterMark(0)
        try dealer.secure(with: credentials)
        try dealer.connect(endpoint)
    }

    func run() {
        let poller = Poller()
        let dealerItem = poller.add(dealer, .readable)
        let mailboxItem = poller.add(fd: mailbox.fileDescriptor, .readable)
        do {
            try join()
            while !stopping, !stop.isSet {
                try poller.poll(timeoutMilliseconds: 100)
                if poller.isReadable(mailboxItem) { try readMailbox() }
                if poller.isReadable(dealerItem) { try readBroker() }
                try keepAlive()
            }
            try dealer.send(multipart: [Array(GroupWire.leave.utf8), group], dontWait: true)
            channel.finish(throwing: nil)
        } catch {
            logger.error("group worker stopped on an error", metadata: ["error": "\(error)"])
            channel.finish(throwing: error)
        }
        for entry in settling.values { entry.continuation.resume(throwing: BusError.closed) }
        dealer.close()
    }

    private func join() throws {
        let credit = max(options.credit - inHand.count, 0)
        try dealer.send(multipart: [
            Array(GroupWire.join.utf8), group, prefix, BusWire.encode(options.startSeq),
            BusWire.encode(count: UInt32(credit)), BusWire.encode(count: UInt32(options.maxAttempts)),
            BusWire.encode(count: UInt32(options.leaseMilliseconds)),
        ], dontWait: true)
        for (seq, entry) in settling { try send(seq: seq, nack: entry.nack) }
    }

    private func send(seq: UInt64, nack: String?) throws {
        if let nack {
            try dealer.send(multipart: [Array(GroupWire.nack.utf8), group, BusWire.encode(seq), Array(nack.utf8)], dontWait: true)
        } else {
            try dealer.send(multipart: [Array(GroupWire.ack.utf8), group, BusWire.encode(seq)], dontWait: true)
        }
    }

    private func readMailbox() throws {
        for command in mailbox.drain() {
            switch command {
            case .settle(let seq, let nack, let continuation):
                settling[seq] = (nack, continuation)
                try send(seq: seq, nack: nack)
            case .leave:
                stopping = true
            }
        }
    }

    private func readBroker() throws {
        while let frames = try dealer.receiveMultipart(dontWait: true) {
            lastHeard = .now
            guard frames.count >= 2 else { continue }
            switch String(decoding: frames[0], as: UTF8.self) {
            case GroupWire.work:
                guard frames.count == 6, let seq = BusWire.decodeSeq(frames[2]), let attempt = BusWire.decodeCount(frames[3]) else {
                    throw BusError.protocolViolation("WORK with \(frames.count) frames")
                }
                inHand.insert(seq)
                let work = GroupWorker.Work(seq: seq, topic: String(decoding: frames[4], as: UTF8.self), payload: frames[5], attempt: Int(attempt))
                guard channel.put(work, isCancelled: { [stop] in stop.isSet }) else {
                    stopping = true
                    return
                }
            case GroupWire.acked, GroupWire.nacked:
                guard frames.count >= 3, let seq = BusWire.decodeSeq(frames[2]) else { continue }
                inHand.remove(seq)
                settling.removeValue(forKey: seq)?.continuation.resume()
            case BusWire.error:
                let code = frames.count > 2 ? String(decoding: frames[2], as: UTF8.self) : ""
                if code == GroupWire.ErrorCode.notJoined.rawValue {
                    logger.info("rejoining the queue group")
                    try join()
                } else if code == GroupWire.ErrorCode.leaseLost.rawValue, frames.count > 4, let seq = BusWire.decodeSeq(frames[4]) {
                    inHand.remove(seq)
                    settling.removeValue(forKey: seq)?.continuation.resume(
                        throwing: BusError.refused(code: code, sentence: frames.count > 3 ? String(decoding: frames[3], as: UTF8.self) : ""))
                } else {
                    logger.warning("queue group refused a request", metadata: ["code": "\(code)"])
                }
            default:
                break
            }
        }
    }

    /// Heartbeats every interval; after 3 silent intervals the broker is presumed restarted: reconnect and re-join.
    private func keepAlive() throws {
        let beat = Duration.milliseconds(options.heartbeatMilliseconds)
        if ContinuousClock.now - lastBeat >= beat {
            lastBeat = .now
            try dealer.send(multipart: [Array(GroupWire.heartbeat.utf8), group], dontWait: true)
        }
        if ContinuousClock.now - lastHeard > beat * 3 {
            logger.warning("queue group broker silent; reconnecting", metadata: ["endpoint": "\(endpoint)"])
            try dealer.disconnect(endpoint)
            try dealer.connect(endpoint)
            lastHeard = .now
            try join()
        }
    }
}
