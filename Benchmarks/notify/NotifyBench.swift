import Contracts
import Domain
import Foundation
import GRDB
import Logging
import NIOCore
import NIOPosix
import NotifyService
import ServiceKit
import Synchronization

/// `marquee-notify-bench [--events N]`: notification fan-out throughput. Each event is an SLA-breach escalation
/// to marketing ops (two people, email only), handled as marquee-notify's consumer does — one SQLite
/// transaction per event deciding and queueing its messages — then sent by the email worker over SMTP into a
/// local sink. The baseline, measured in the same run, is the same number of messages sent straight through
/// the same SMTP client (no decision, no queue). Wall-clock seconds on loopback; the bus is not in the loop.
@main
enum NotifyBench {
    static func main() async throws {
        var events = 2_000
        var arguments = CommandLine.arguments.dropFirst()
        while let argument = arguments.popFirst() {
            guard argument == "--events", let value = arguments.popFirst().flatMap(Int.init), value > 0 else {
                FileHandle.standardError.write(Data("usage: marquee-notify-bench [--events N]\n".utf8))
                exit(64)
            }
            events = value
        }
        let group = MultiThreadedEventLoopGroup.singleton
        let sink = SMTPSink()
        let (port, server) = try await sink.start(group: group)
        let email = EmailSettings(host: "127.0.0.1", port: port, from: "Marquee <marquee@example.com>", security: .plain)
        let smtp = try SMTPChannel(settings: email, password: nil)
        let messages = events * 2

        // Warm-up, not counted: the first connection, the allocator, the sink.
        _ = await smtp.send(batch: (0..<50).map { delivery($0) })

        let baselineStart = ContinuousClock.now
        var sent = 0
        while sent < messages {
            let batch = (sent..<min(messages, sent + 50)).map { delivery($0) }
            let failures = await smtp.send(batch: batch)
            guard failures.allSatisfy({ $0 == nil }) else { throw DeliveryFailure("baseline send failed") }
            sent += batch.count
        }
        let baseline = seconds(ContinuousClock.now - baselineStart)

        let path = FileManager.default.temporaryDirectory.appendingPathComponent("notify-bench-\(UUID()).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try ServiceStore(path: path) { NotifyStore.register(&$0) }
        let logger = Logger(label: "marquee-notify-bench", factory: { _ in SwiftLogNoOpLogHandler() })
        let config = NotifyConfig(defaultChannels: [.email], email: email)
        let handler = NotifyHandler(rules: .builtIn, config: config, wakeups: DeliveryWakeups(channels: []))
        let worker = DeliveryWorker(channel: smtp, store: store, policy: config.retry, wake: OutboxSignal(), logger: logger)
        let before = sink.accepted.load(ordering: .relaxed)
        precondition(before == messages + 50, "the baseline's messages did not all arrive")

        let serviceStart = ContinuousClock.now
        for index in 0..<events {
            let raised = EscalationRaised(
                escalation: Escalations.escalate(.slaBreach, campaign: CampaignID("cmp-\(index)"), subject: "build", rules: .builtIn),
                station: .build)
            let event = AnyEnvelope(Envelope.make(raised, source: "bench"))
            let now = Date()
            try await store.write(source: NotifyService.source, now: now) { db, outbox in
                try handler.handle(event, in: db, outbox: &outbox, context: EventContext(seq: UInt64(index + 1), now: now, logger: logger))
            }
        }
        let decided = seconds(ContinuousClock.now - serviceStart)
        while try await worker.deliverDue() > 0 {}
        let service = seconds(ContinuousClock.now - serviceStart)
        let delivered = sink.accepted.load(ordering: .relaxed) - before
        guard delivered == messages else { throw DeliveryFailure("sink got \(delivered) of \(messages) messages") }
        try await server.close()

        print("notify fan-out: \(events) events → \(messages) emails (2 recipients each) into a local SMTP sink")
        print(String(format: "  baseline  raw SMTP sends, same client: %7.2f s  %8.0f msg/s", baseline, Double(messages) / baseline))
        print(String(format: "  service   decide + queue + send:      %7.2f s  %8.0f msg/s  (%7.0f events/s; deciding alone %.2f s)",
                     service, Double(messages) / service, Double(events) / service, decided))
        print(String(format: "  ratio     service / baseline throughput: %.2f", baseline / service))
    }

    static func delivery(_ index: Int) -> Delivery {
        Delivery(
            id: Int64(index), causeID: UUID().uuidString.lowercased(), correlationID: "", channel: "email", recipient: "lena",
            address: "lena@example.com", kind: .slaBreached, campaignID: CampaignID("cmp-\(index)"),
            title: "[Marquee] SLA breached: cmp-\(index)", body: "Hello Lena,\n\nSLA breached.\n\nOpen: http://x/campaigns/cmp-\(index)\n",
            link: "http://x/campaigns/cmp-\(index)", attempts: 0, dueAt: Date(), createdAt: Date())
    }

    static func seconds(_ duration: Duration) -> Double {
        let (whole, fraction) = duration.components
        return Double(whole) + Double(fraction) / 1e18
    }
}
