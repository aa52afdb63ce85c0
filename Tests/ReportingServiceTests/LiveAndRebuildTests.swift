import Bus
import Contracts
import Domain
import Foundation
import GRDB
import Reporting
import ReportingFixtures
import ReportingService
import ServiceKit
import ServiceTestKit
import Testing

/// marquee-reporting on an in-process broker: live processing (with a restart in the middle, duplicates and
/// bad input) and a rebuild from seq 0 into an empty database give the same projections, the same as the
/// pure fold, and every warning is published once.
@Suite(.serialized) struct LiveAndRebuildTests {
    static let rules = FixedHistory.rules

    static func store() throws -> ServiceStore {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("reporting-\(UUID().uuidString).sqlite").path
        return try ServiceStore(path: path) { ReportingStore.register(&$0) }
    }

    static func consumer(_ store: ServiceStore, _ bus: TestBroker) -> EventConsumer {
        EventConsumer(
            service: "reporting", store: store, endpoints: bus.endpoints, prefixes: ReportingFold.prefixes,
            handler: ReportingHandler(rules: rules), logger: .quiet)
    }

    /// Every projection table, rows in key order, as comparable text.
    static func dump(_ store: ServiceStore) async throws -> [String: [String]] {
        try await store.pool.read { db in
            var tables: [String: [String]] = [:]
            for (table, order) in [("rep_track", "campaign"), ("rep_qa_failure", "campaign, rule, source, occurrence"),
                                   ("rep_escalation", "key"), ("rep_warning", "key"), ("rep_kpi", "campaign, date, channel")] {
                tables[table] = try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY \(order)").map { "\($0)" }
            }
            return tables
        }
    }

    @Test func rebuildFromSeqZeroEqualsLiveProcessing() async throws {
        let bus = try await TestBroker.start()
        let publisher = try Publisher(ingress: bus.endpoints.ingress, logger: .quiet)
        let history = SyntheticHistory(spreadDays: 20).envelopes(0..<24) + FixedHistory.envelopes
        let half = history.count / 2

        let live = try Self.store()
        let relay = OutboxRelay(service: "reporting", store: live, publisher: publisher, logger: .quiet)
        let relaying = Running(relay)
        var running = Running(Self.consumer(live, bus))
        var last: UInt64 = 0
        for envelope in history[..<half] { last = try await publisher.publish(envelope) }
        try await live.waitForInbox(last, consumer: "reporting")
        try await running.stop()  // a crash between deliveries; the restart resumes from the inbox
        running = Running(Self.consumer(live, bus))
        for envelope in history[half...] { last = try await publisher.publish(envelope) }
        // The same facts again under new ids (a station re-deciding after a crash), and a fact with a gap.
        for envelope in history.prefix(40) {
            guard let fact = envelope.typed(as: CampaignFactRecorded.self) else { continue }
            last = try await publisher.publish(Envelope.make(fact.data, source: "marquee/line", now: fact.time))
        }
        var gapped = FixedHistory.campaignA[3]
        gapped.version = 40
        last = try await publisher.publish(Envelope.make(gapped, source: "marquee/line"))
        try await live.waitForInbox(last, consumer: "reporting")
        try await live.waitForEmptyOutbox()
        try await running.stop()

        let rebuilt = try Self.store()
        let rebuilding = Running(Self.consumer(rebuilt, bus))
        try await rebuilt.waitForInbox(last, consumer: "reporting")
        try await rebuilding.stop()
        let rebuiltRelay = OutboxRelay(service: "reporting", store: rebuilt, publisher: publisher, logger: .quiet)
        let republished = try await rebuiltRelay.publishPending()

        let liveTables = try await Self.dump(live)
        #expect(try await Self.dump(rebuilt) == liveTables)
        #expect((liveTables["rep_track"]?.count ?? 0) == 27)

        var ledger = InMemoryLedger()
        for envelope in history { _ = try ReportingFold(rules: Self.rules).apply(envelope, to: &ledger) }
        let stored = try await live.pool.read { db in try ReportingStore.data(in: db) }
        #expect(Dictionary(uniqueKeysWithValues: stored.tracks.map { ($0.id, $0) }) == ledger.tracks)
        #expect(Set(stored.warnings.map(\.key)) == Set(ledger.warnings.map(\.key)))
        #expect(stored.warnings.count > 6)

        let published = try await bus.journal(prefix: ReportWarningRaised.topic.rawValue)
        let ids = try published.map { try Envelope<ReportWarningRaised>.decode(Data($0.payload)).id }
        #expect(republished == stored.warnings.count + 1, "every warning, and the rebuild's dead letter of the gapped fact")
        #expect(ids.count == stored.warnings.count, "each warning is stored once on the bus, the rebuild's copies deduplicated")
        #expect(Set(ids) == Set(stored.warnings.map { ReportingStore.eventID(ofWarning: $0.key) }))
        let letters = try await bus.journal(prefix: "deadletter.campaign.fact.")
        #expect(letters.count == 2, "the gapped fact, once live and once in the rebuild")

        try await relaying.stop()
        await publisher.close()
        try await bus.stop()
    }
}
