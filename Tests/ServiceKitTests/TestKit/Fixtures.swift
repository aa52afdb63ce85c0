import Bus
import Contracts
import Domain
import Foundation
import GRDB
import Logging
import Metrics
import ServiceKit
import ServiceTestKit
import Synchronization

enum Fixture {
    /// An `IntakeTriaged` envelope for campaign `cmp-<n>`.
    static func triaged(_ n: Int, holdCount: Int = 0) -> Envelope<IntakeTriaged> {
        Envelope.make(
            IntakeTriaged(campaignID: CampaignID(rawValue: "cmp-\(n)"), campaignType: .event, assignTo: .specialist,
                          holdCount: holdCount),
            source: "marquee/test-input", now: Date(timeIntervalSince1970: 1_772_528_400))
    }

    /// A consumer of `campaign.intake.` for the test service.
    static func consumer(
        store: ServiceStore, broker: TestBroker, handler: RecordingHandler = RecordingHandler(),
        clock: ManualClock = ManualClock(), metrics: any MetricsFactory = NOOPMetricsHandler.instance
    ) -> EventConsumer {
        EventConsumer(
            service: "test", store: store, endpoints: broker.endpoints, prefixes: ["campaign.intake."],
            handler: handler, clock: clock.wallClock, metricsFactory: metrics, logger: .quiet)
    }

    static func relay(
        store: ServiceStore, publisher: any EventPublishing, metrics: any MetricsFactory = NOOPMetricsHandler.instance
    ) -> OutboxRelay {
        OutboxRelay(
            service: "test", store: store, publisher: publisher, pollInterval: .milliseconds(200),
            metricsFactory: metrics, logger: .quiet)
    }
}

/// The test's own input publisher.
extension Publisher {
    /// Publishes raw bytes on `topic` under broker id `id`; returns the seq.
    @discardableResult
    func publishRaw(_ bytes: Data, topic: String, id: String = UUID().uuidString) async throws -> UInt64 {
        try await publish(topic: topic, payload: Array(bytes), id: id)
    }
}

/// A row of the effects table.
struct Effect: Equatable {
    var eventID: String
    var campaignID: String
    var seq: UInt64

    static func all(in store: ServiceStore) async throws -> [Effect] {
        try await store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT event_id, campaign_id, seq FROM effects ORDER BY n").map {
                Effect(eventID: $0["event_id"], campaignID: $0["campaign_id"], seq: $0["seq"])
            }
        }
    }
}

/// An outbox row as the tests read it.
struct StoredOutboxRow {
    var id: String
    var topic: String
    var payload: Data
    var sentSeq: UInt64?

    static func all(in store: ServiceStore) async throws -> [StoredOutboxRow] {
        try await store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT id, topic, payload, sent_seq FROM outbox ORDER BY position").map {
                StoredOutboxRow(id: $0["id"], topic: $0["topic"], payload: $0["payload"], sentSeq: $0["sent_seq"])
            }
        }
    }
}

/// Publishes through `base`, then "crashes" (throws) right after the broker acked publish number `crashAfter`
/// — before the relay can mark it sent.
final class CrashingPublisher: EventPublishing {
    struct SimulatedCrash: Error {}
    let base: Publisher
    let crashAfter: Int
    private let count = Mutex(0)

    init(base: Publisher, crashAfter: Int) {
        self.base = base
        self.crashAfter = crashAfter
    }

    func publish(topic: String, payload: [UInt8], id: String) async throws -> UInt64 {
        let seq = try await base.publish(topic: topic, payload: payload, id: id)
        let n = count.withLock { count in
            count += 1
            return count
        }
        if n == crashAfter { throw SimulatedCrash() }
        return seq
    }
}
