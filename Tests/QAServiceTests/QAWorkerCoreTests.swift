import Contracts
import Domain
import Foundation
import GRDB
import Logging
import QAService
import ServiceKit
import Synchronization
import Testing

/// The QA worker's logic in process: the projection folded by hand (as its `EventConsumer` would, inbox seq
/// included), then leased requests processed with a recording publisher.
@Suite struct QAWorkerCoreTests {
    static let campaign: CampaignID = "cmp-qa-1"
    static let time = Date(timeIntervalSince1970: 1_772_529_300)
    static let brokenHTML = """
        <html><head><title>Spring</title></head><body>
        <p>Hi {{first_name}}, lorem ipsum.</p><a href="#">Shop</a><img src="https://cdn.example-shop.com/hero.png">
        </body></html>
        """

    /// A fresh store with the QA tables.
    static func store() throws -> ServiceStore {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("qa-\(UUID().uuidString).sqlite").path
        return try ServiceStore(path: path) { QAStore.register(&$0) }
    }

    /// Folds `data` at `seq` into the projection and moves its inbox there, as the consumer does.
    static func feed<Payload: Event>(_ store: ServiceStore, _ data: Payload, seq: UInt64) async throws {
        let envelope = AnyEnvelope(Envelope.make(data, source: "marquee/test", now: time))
        try await store.pool.write { db in
            var outbox = Outbox(source: "marquee/qa", cause: envelope.header, now: time)
            try QAProjection().handle(
                envelope, in: db, outbox: &outbox,
                context: EventContext(seq: seq, now: time, logger: .init(label: "test")))
            try db.execute(
                sql: """
                    INSERT INTO inbox (consumer, last_seq) VALUES (?, ?)
                    ON CONFLICT(consumer) DO UPDATE SET last_seq = excluded.last_seq
                    """, arguments: [QAWorkerCore.projectionConsumer, seq])
        }
    }

    static func fact(_ fact: CampaignFact, version: Int) -> CampaignFactRecorded {
        CampaignFactRecorded(
            event: DomainEvent(campaignID: campaign, occurredAt: time, fact: fact), version: version, stage: .qaRequested)
    }

    static func request(version: Int = 9) throws -> (topic: String, payload: [UInt8]) {
        let envelope = AnyEnvelope(Envelope.make(fact(.qaRequested, version: version), source: "marquee/build", now: time))
        return (envelope.header.type.rawValue, Array(try envelope.encoded()))
    }

    /// Submits and revises `html` as `email-main` (and a broken image), then requests QA at seq 10.
    static func prepare(_ store: ServiceStore, html: String = brokenHTML) async throws -> [DocumentVersion] {
        let email = Data(html.utf8)
        let image = Data("not really a png".utf8)
        try await feed(
            store, DocumentSubmitted(campaignID: campaign, document: "email-main", mediaType: "text/html", content: email,
                                     submittedBy: "sam"), seq: 1)
        try await feed(
            store, DocumentSubmitted(campaignID: campaign, document: "hero.png", mediaType: "image/png", content: image,
                                     submittedBy: "sam"), seq: 2)
        let versions = [
            DocumentVersion(document: "email-main", version: 1, contentHash: QAStore.hash(email)),
            DocumentVersion(document: "hero.png", version: 1, contentHash: QAStore.hash(image)),
        ]
        try await feed(store, fact(.documentRevised(versions[0]), version: 5), seq: 3)
        try await feed(store, fact(.documentRevised(versions[1]), version: 6), seq: 4)
        try await feed(store, fact(.qaRequested, version: 7), seq: 10)
        return versions
    }

    /// Records what a worker publishes.
    final class Published: Sendable {
        let messages = Mutex<[(topic: String, payload: [UInt8], id: String)]>([])
        var all: [(topic: String, payload: [UInt8], id: String)] { messages.withLock { $0 } }
        var publish: @Sendable (String, [UInt8], String) async throws -> Void {
            { topic, payload, id in self.messages.withLock { $0.append((topic, payload, id)) } }
        }
    }

    @Test func aRequestGetsAReportOnTheVersionsCurrentAtIt() async throws {
        let store = try Self.store()
        let versions = try await Self.prepare(store)
        let published = Published()
        let (topic, payload) = try Self.request()
        let outcome = try await QAWorkerCore(store: store, worker: "qa-1").process(
            seq: 10, topic: topic, payload: payload, publish: published.publish)
        guard case .published(let id, let verdict) = outcome else {
            Issue.record("expected a report, got \(outcome)")
            return
        }
        #expect(verdict == .failed)
        let message = try #require(published.all.first)
        #expect(published.all.count == 1)
        #expect(message.topic == "qa.report.ready")
        #expect(message.id == id.uuidString.lowercased())
        let envelope = try Envelope<QAReportReady>.decode(Data(message.payload))
        #expect(envelope.data.campaignID == Self.campaign)
        #expect(envelope.data.documents == versions)
        #expect(envelope.data.worker == "qa-1")
        let rules = Set(envelope.data.findings.map(\.rule))
        #expect(rules.isSuperset(of: ["content.merge-tag", "link.hash-href", "asset.unreadable"]), "\(rules)")
        #expect(envelope.data.findings.first?.severity == "error")
        #expect(envelope.data.findings.contains { $0.document == "hero.png" })
        #expect(EventCatalog.marquee.validate(Data(message.payload)) == [])
        #expect(envelope.correlationID != envelope.id, "caused by the request")
    }

    @Test func aRedeliveredLeaseMakesNoSecondDifferentReport() async throws {
        let store = try Self.store()
        _ = try await Self.prepare(store)
        let published = Published()
        let (topic, payload) = try Self.request()
        let core = QAWorkerCore(store: store, worker: "qa-1")
        let first = try await core.process(seq: 10, topic: topic, payload: payload, publish: published.publish)
        let again = try await core.process(seq: 10, topic: topic, payload: payload, publish: published.publish)
        guard case .published(let id, _) = first else {
            Issue.record("\(first)")
            return
        }
        #expect(again == .alreadyReported(eventID: id))
        #expect(published.all.count == 2, "re-sent after a possible crash before the ack")
        #expect(published.all[0].payload == published.all[1].payload)
        #expect(published.all[0].id == published.all[1].id, "same id: the broker keeps one")
    }

    @Test func replicasDeriveTheSameReportID() async throws {
        let (topic, payload) = try Self.request()
        var ids: [String] = []
        for worker in ["qa-1", "qa-2"] {
            let store = try Self.store()
            _ = try await Self.prepare(store)
            let published = Published()
            _ = try await QAWorkerCore(store: store, worker: worker).process(
                seq: 10, topic: topic, payload: payload, publish: published.publish)
            ids += published.all.map(\.id)
        }
        #expect(ids.count == 2)
        #expect(Set(ids).count == 1)
    }

    @Test func aReportSeenFromAnotherReplicaIsNotRedone() async throws {
        let store = try Self.store()
        let versions = try await Self.prepare(store)
        let other = QAReportReady(campaignID: Self.campaign, documents: versions, findings: [], worker: "qa-2")
        try await Self.feed(store, other, seq: 11)
        let published = Published()
        let (topic, payload) = try Self.request()
        let outcome = try await QAWorkerCore(store: store, worker: "qa-1").process(
            seq: 10, topic: topic, payload: payload, publish: published.publish)
        guard case .alreadyReported = outcome else {
            Issue.record("\(outcome)")
            return
        }
        #expect(published.all.isEmpty)
    }

    @Test func aLaterRevisionDoesNotChangeWhatAnEarlierRequestChecks() async throws {
        let store = try Self.store()
        let versions = try await Self.prepare(store)
        let newer = Data("<html><body>new</body></html>".utf8)
        try await Self.feed(
            store, DocumentSubmitted(campaignID: Self.campaign, document: "email-main", mediaType: "text/html", content: newer,
                                     submittedBy: "sam"), seq: 12)
        try await Self.feed(
            store, Self.fact(.documentRevised(DocumentVersion(document: "email-main", version: 2, contentHash: QAStore.hash(newer))),
                             version: 8), seq: 13)
        let published = Published()
        let (topic, payload) = try Self.request()
        _ = try await QAWorkerCore(store: store, worker: "qa-1").process(
            seq: 10, topic: topic, payload: payload, publish: published.publish)
        let report = try Envelope<QAReportReady>.decode(Data(try #require(published.all.first).payload))
        #expect(report.data.documents == versions)
    }

    @Test func aRequestAheadOfTheProjectionIsGivenBack() async throws {
        let store = try Self.store()
        _ = try await Self.prepare(store)
        let (topic, payload) = try Self.request()
        await #expect(throws: QAWorkerCore.ProjectionBehind.self) {
            _ = try await QAWorkerCore(store: store, worker: "qa-1", projectionWait: .milliseconds(50)).process(
                seq: 99, topic: topic, payload: payload, publish: { _, _, _ in })
        }
    }

    @Test func contentNeverHandedInIsAnErrorFinding() async throws {
        let store = try Self.store()
        let missing = DocumentVersion(document: "email-main", version: 3, contentHash: "sha256:0000")
        try await Self.feed(store, Self.fact(.documentRevised(missing), version: 5), seq: 3)
        try await Self.feed(store, Self.fact(.qaRequested, version: 6), seq: 4)
        let published = Published()
        let (topic, payload) = try Self.request()
        _ = try await QAWorkerCore(store: store, worker: "qa-1").process(
            seq: 4, topic: topic, payload: payload, publish: published.publish)
        let report = try Envelope<QAReportReady>.decode(Data(try #require(published.all.first).payload))
        #expect(report.data.verdict == .failed)
        #expect(report.data.findings.map(\.rule) == ["content.unparsable"])
    }

    @Test func otherRecordsAreIgnored() async throws {
        let store = try Self.store()
        let envelope = AnyEnvelope(Envelope.make(Self.fact(.buildStarted, version: 2), source: "marquee/build", now: Self.time))
        let outcome = try await QAWorkerCore(store: store, worker: "qa-1").process(
            seq: 1, topic: envelope.header.type.rawValue, payload: Array(try envelope.encoded()), publish: { _, _, _ in })
        #expect(outcome == .ignored)
    }
}
