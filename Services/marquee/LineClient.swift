import Bus
import Contracts
import Domain
import Foundation
import Logging

/// What the line's commands (`submit`, `status`, `approve`, `reject`, `command`) share: publishing a
/// command as the CLI, reading a campaign's history back from the journal, and waiting for the outcome
/// of a command (the facts it caused, or its rejection).
struct LineClient {
    let endpoints: BusEndpoints
    let logger: Logger
    /// The CloudEvents source of what the CLI publishes.
    static let source = "marquee/cli"

    /// A campaign's facts and rejections as stored in the journal.
    struct History {
        var facts: [CampaignFactRecorded] = []
        var rejections: [CommandRejected] = []

        /// The campaign rebuilt from its facts, if it has any.
        var campaign: Campaign? { Campaign(replaying: facts.map(\.event)) }
    }

    /// Publishes `event` at `now` and returns its envelope header once the broker stored it.
    func publish<Payload: Event>(_ event: Payload, now: Date = Date()) async throws -> EnvelopeHeader {
        let envelope = Envelope.make(event, source: Self.source, now: now)
        let publisher = try Publisher(bus: endpoints, logger: logger)
        defer { Task { await publisher.close() } }
        _ = try await publisher.publish(
            topic: envelope.type.rawValue, payload: Array(try envelope.encoded()),
            id: envelope.id.uuidString.lowercased())
        return envelope.header
    }

    /// The head seq of the journal: outcomes of a command published after this are read from `head + 1`.
    func head() async throws -> UInt64 {
        let control = try BusControl(bus: endpoints, timeoutMilliseconds: 3000, logger: logger)
        defer { control.close() }
        return try await control.ping().head
    }

    /// Every fact and rejection of `campaign` in the journal.
    func history(of campaign: CampaignID) async throws -> History {
        var history = History()
        try await scan(prefix: "campaign.", about: campaign) { envelope in
            if let fact = envelope.typed(as: CampaignFactRecorded.self) {
                history.facts.append(fact.data)
            } else if let rejection = envelope.typed(as: CommandRejected.self) {
                history.rejections.append(rejection.data)
            }
        }
        return history
    }

    /// The automated QA reports of `campaign`, oldest first.
    func qaReports(of campaign: CampaignID) async throws -> [QAReportReady] {
        var reports: [QAReportReady] = []
        try await scan(prefix: QAReportReady.topic.rawValue, about: campaign) { envelope in
            if let report = envelope.typed(as: QAReportReady.self) { reports.append(report.data) }
        }
        return reports
    }

    /// Replays the journal under `prefix` and hands every readable event whose subject is `campaign` to `body`.
    private func scan(prefix: String, about campaign: CampaignID, _ body: (AnyEnvelope) -> Void) async throws {
        let control = try BusControl(bus: endpoints, timeoutMilliseconds: 5000, logger: logger)
        defer { control.close() }
        let needle = Array("\"subject\":\"\(campaign.rawValue)\"".utf8)
        var from: UInt64 = 1
        while true {
            let page = try await control.replay(from: from, prefix: prefix, limit: 1000)
            for record in page.records where record.payload.contains(needle) {
                if let envelope = try? EventCatalog.marquee.decode(Data(record.payload), topic: record.topic) { body(envelope) }
            }
            if page.through >= page.head { return }
            from = page.through + 1
        }
    }

    /// What a command led to.
    enum Outcome {
        case facts([CampaignFactRecorded])
        case rejected(CommandRejected)
        case noAnswer
    }

    /// Waits up to `timeout` for what the command `id` caused, reading from `seq`: its rejection, or the facts
    /// it caused (collected until the stream has been quiet for half a second after the first).
    func outcome(of id: UUID, from seq: UInt64, timeout: Duration) async throws -> Outcome {
        let subscriber = try Subscriber(
            endpoints: endpoints, prefixes: [CampaignFactRecorded.prefix, CommandRejected.topic.rawValue],
            from: .seq(seq), logger: logger)
        let closer = Task {
            try? await Task.sleep(for: timeout)
            subscriber.close()
        }
        defer { closer.cancel() }
        var facts: [CampaignFactRecorded] = []
        var outcome = Outcome.noAnswer
        for try await delivery in subscriber {
            guard let envelope = try? EventCatalog.marquee.decode(Data(delivery.payload), topic: delivery.topic),
                envelope.header.causationID == id
            else { continue }
            if let rejection = envelope.typed(as: CommandRejected.self) {
                outcome = .rejected(rejection.data)
                break
            }
            if let fact = envelope.typed(as: CampaignFactRecorded.self) {
                facts.append(fact.data)
                outcome = .facts(facts)
                if facts.count == 1 {
                    Task {
                        try? await Task.sleep(for: .milliseconds(500))
                        subscriber.close()
                    }
                }
            }
        }
        subscriber.close()
        for try await _ in subscriber {}  // the channel must be empty when the subscriber is freed
        return outcome
    }
}
