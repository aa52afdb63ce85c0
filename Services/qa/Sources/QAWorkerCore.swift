import Contracts
import Domain
import Foundation
import GRDB
import Logging
import ServiceKit
import StationKit

/// What one replica does with one leased `campaign.fact.qa_requested` record, apart from the bus calls:
///
/// 1. wait until its own projection (``QAProjection``) has folded the journal up to the record's seq, so the
///    versions current at the request and their bytes are known;
/// 2. if a report of (campaign, those versions) exists — made here before a crash, or seen on the bus from
///    another replica — publish nothing new (a stored one is re-sent under its own id, which the broker
///    drops as a duplicate if it already has it);
/// 3. otherwise check the documents (images against the specs of the campaign's channels), store the report,
///    and publish it under an id derived from (campaign, versions): two replicas that both got the request (an
///    expired lease) publish the same id, and the broker keeps the first.
///
/// The caller acks the lease after ``process(seq:topic:payload:publish:)`` returns and nacks when it throws.
public struct QAWorkerCore: Sendable {
    public enum Outcome: Sendable, Equatable {
        /// A new report was stored and published.
        case published(eventID: UUID, verdict: QAOutcome)
        /// The versions had a report already; nothing new was made.
        case alreadyReported(eventID: UUID)
        /// The record is not a QA request (nothing to do).
        case ignored
    }

    /// The projection has not reached the leased record within the wait: try again later (nack).
    public struct ProjectionBehind: Error, CustomStringConvertible {
        public let seq: UInt64
        public let projected: UInt64
        public var description: String { "projection at seq \(projected), request at \(seq)" }
    }

    public static let source = "marquee/qa"
    /// The inbox key of the projection consumer.
    public static let projectionConsumer = "qa-projection"

    let store: ServiceStore
    let worker: String
    let checker: QAChecker
    let projectionWait: Duration

    public init(store: ServiceStore, worker: String, checker: QAChecker = QAChecker(), projectionWait: Duration = .seconds(10)) {
        self.store = store
        self.worker = worker
        self.checker = checker
        self.projectionWait = projectionWait
    }

    /// The report id of (campaign, versions): the same on every replica.
    public static func reportID(campaign: CampaignID, versions: String) -> UUID {
        DerivedEventID.named("qa-report/\(campaign.rawValue)/\(versions)")
    }

    public func process(
        seq: UInt64, topic: String, payload: [UInt8],
        publish: @Sendable (_ topic: String, _ payload: [UInt8], _ id: String) async throws -> Void
    ) async throws -> Outcome {
        let envelope = try EventCatalog.marquee.decode(Data(payload), topic: topic)
        guard let fact = envelope.typed(as: CampaignFactRecorded.self), case .qaRequested = fact.data.event.fact else {
            return .ignored
        }
        try await waitForProjection(through: seq)
        let campaign = fact.data.event.campaignID
        let (documents, channels) = try await store.pool.read { db in
            (
                try QAStore.request(at: seq, in: db)?.documents ?? QAStore.currentDocuments(of: campaign, in: db),
                try QAStore.channels(of: campaign, in: db)
            )
        }
        let versions = QAStore.versionsKey(documents)
        let id = Self.reportID(campaign: campaign, versions: versions)
        let topic = QAReportReady.topic.rawValue
        if let known = try await store.pool.read({ db in try QAStore.report(campaign: campaign, versions: versions, in: db) }) {
            if let stored = known.payload { try await publish(topic, Array(stored), id.uuidString.lowercased()) }
            return .alreadyReported(eventID: UUID(uuidString: known.eventID) ?? id)
        }
        let report = try await store.pool.read { db in
            try checker.report(campaign: campaign, channels: channels, documents: documents, worker: worker) { hash in
                try QAStore.content(hash, in: db)
            }
        }
        let made = Envelope.make(report, source: Self.source, causedBy: fact.header, id: id, now: fact.time)
        let encoded = try AnyEnvelope(made).encoded()
        let stored = try await store.pool.write { db -> Data in
            if try QAStore.recordReport(report, eventID: id, payload: encoded, in: db) { return encoded }
            return try QAStore.report(campaign: campaign, versions: versions, in: db)?.payload ?? encoded
        }
        try await publish(topic, Array(stored), id.uuidString.lowercased())
        return .published(eventID: id, verdict: report.verdict)
    }

    private func waitForProjection(through seq: UInt64) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now + projectionWait
        while true {
            let projected = try await store.inboxSeq(consumer: Self.projectionConsumer)
            if projected >= seq { return }
            if clock.now >= deadline { throw ProjectionBehind(seq: seq, projected: projected) }
            try await Task.sleep(for: .milliseconds(20))
        }
    }
}
