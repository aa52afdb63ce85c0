import BusProtocol
import DequeModule
import Foundation
import Logging
import ZeroMQ

/// The publisher's thread: owns the DEALER and its monitor, keeps the in-flight window, matches acks to
/// publishes by id and resends after a reconnect or a late ack.
final class PublisherLoop: @unchecked Sendable {  // handed once to its thread, then used only there
    private let options: Publisher.Options
    private let mailbox: Mailbox<Publisher.Command>
    private let logger: Logger
    private let context: Context
    private let dealer: Socket
    private let monitor: SocketMonitor
    private var waiting: Deque<Publisher.Outgoing> = []
    /// Sent and not yet acknowledged, by id (acks name the id).
    private var inFlight: [[UInt8]: InFlight] = [:]
    /// Ids in the order they were first sent; acknowledged ones are skipped and dropped from the front.
    private var sendOrder: Deque<[UInt8]> = []
    private var disconnected = false

    private struct InFlight {
        var outgoing: Publisher.Outgoing
        var extra: [CheckedContinuation<UInt64, any Error>] = []
        var sentAt: UInt64
    }

    init(ingress: String, credentials: BusCredentials?, options: Publisher.Options, mailbox: Mailbox<Publisher.Command>, logger: Logger) throws {
        self.options = options
        self.mailbox = mailbox
        self.logger = logger
        context = try Context()
        dealer = try Socket(context, .dealer)
        let beat = options.heartbeatMilliseconds
        try dealer.setHeartbeat(intervalMilliseconds: beat, timeoutMilliseconds: beat * 3, ttlMilliseconds: beat * 3)
        try dealer.setReconnectInterval(initialMilliseconds: 50, maximumMilliseconds: 2000)
        try dealer.setSendHighWaterMark(options.window * 4)
        try dealer.setReceiveHighWaterMark(0)
        try dealer.secure(with: credentials)
        monitor = try dealer.monitor(context: context)
        try dealer.connect(ingress)
    }

    func run() {
        let poller = Poller()
        let dealerItem = poller.add(dealer, .readable)
        let monitorItem = poller.add(monitor.socket, .readable)
        let mailboxItem = poller.add(fd: mailbox.fileDescriptor, .readable)
        while true {
            do {
                try poller.poll(timeoutMilliseconds: inFlight.isEmpty ? 1000 : 100)
                if poller.isReadable(mailboxItem) {
                    var closing: [CheckedContinuation<Void, Never>?] = []
                    for command in mailbox.drain() {
                        switch command {
                        case .publish(let outgoing): waiting.append(outgoing)
                        case .close(let done): closing.append(done)
                        }
                    }
                    if !closing.isEmpty {
                        shutDown()
                        for done in closing { done?.resume() }
                        return
                    }
                }
                if poller.isReadable(monitorItem) { try readMonitor() }
                if poller.isReadable(dealerItem) { try readReplies() }
                resendIfLate()
                fillWindow()
            } catch {
                logger.error("publisher loop error", metadata: ["error": "\(error)"])
            }
        }
    }

    private func fillWindow() {
        while inFlight.count < options.window, let outgoing = waiting.popFirst() {
            if inFlight[outgoing.id] != nil {
                // The same id is already on its way: share its ack.
                inFlight[outgoing.id]?.extra.append(outgoing.continuation)
                continue
            }
            inFlight[outgoing.id] = InFlight(outgoing: outgoing, sentAt: send(outgoing))
            sendOrder.append(outgoing.id)
        }
    }

    /// Sends one publish; returns when it went out, or 0 if ZeroMQ refused it for now (retried when late).
    private func send(_ outgoing: Publisher.Outgoing) -> UInt64 {
        do {
            if try dealer.send(multipart: [outgoing.topic, outgoing.payload, outgoing.id], dontWait: true) {
                return DispatchTime.now().uptimeNanoseconds
            }
        } catch {
            logger.warning("publish not sent; will retry", metadata: ["error": "\(error)"])
        }
        return 0
    }

    /// After a reconnect, or when the oldest publish has waited past the ack timeout, send everything
    /// unacknowledged again, oldest first.
    private func resendIfLate() {
        while let first = sendOrder.first, inFlight[first] == nil { sendOrder.removeFirst() }
        guard let first = sendOrder.first, let oldest = inFlight[first] else { return }
        let timeout = UInt64(options.ackTimeoutMilliseconds) * 1_000_000
        let now = DispatchTime.now().uptimeNanoseconds
        guard oldest.sentAt == 0 || now - oldest.sentAt > timeout else { return }
        resendAll(reason: "ack timeout")
    }

    private func resendAll(reason: String) {
        guard !inFlight.isEmpty else { return }
        logger.debug("resending unacknowledged publishes", metadata: ["count": "\(inFlight.count)", "reason": "\(reason)"])
        for id in sendOrder {
            guard let entry = inFlight[id] else { continue }
            inFlight[id]?.sentAt = send(entry.outgoing)
        }
    }

    private func readMonitor() throws {
        while let event = try monitor.receive(dontWait: true) {
            switch event.kind {
            case .disconnected, .closed:
                disconnected = true
            case .handshakeSucceeded, .connected:
                if disconnected {
                    disconnected = false
                    resendAll(reason: "reconnected")
                }
            default:
                break
            }
        }
    }

    /// `[OK, id, seq, id, seq, …]` or `[ERR, id, code, sentence]`.
    private func readReplies() throws {
        while let frames = try dealer.receiveMultipart(dontWait: true) {
            switch frames.first.map({ String(decoding: $0, as: UTF8.self) }) {
            case BusWire.ok?:
                var index = 1
                while index + 1 < frames.count {
                    if let seq = BusWire.decodeSeq(frames[index + 1]) { complete(frames[index], .success(seq)) }
                    index += 2
                }
            case BusWire.error? where frames.count >= 4:
                complete(frames[1], .failure(BusError.refusal(frames)))
            default:
                logger.warning("unreadable reply from the broker", metadata: ["frames": "\(frames.count)"])
            }
        }
    }

    private func complete(_ id: [UInt8], _ result: Result<UInt64, any Error>) {
        guard let entry = inFlight.removeValue(forKey: id) else { return }
        entry.outgoing.continuation.resume(with: result)
        for continuation in entry.extra { continuation.resume(with: result) }
    }

    private func shutDown() {
        for entry in inFlight.values {
            entry.outgoing.continuation.resume(throwing: BusError.closed)
            for continuation in entry.extra { continuation.resume(throwing: BusError.closed) }
        }
        inFlight.removeAll()
        sendOrder.removeAll()
        for outgoing in waiting { outgoing.continuation.resume(throwing: BusError.closed) }
        waiting.removeAll()
        monitor.socket.close()
        dealer.close()
    }
}
