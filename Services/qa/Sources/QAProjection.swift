import Contracts
import Domain
import Foundation
import GRDB
import ServiceKit

/// The QA service's own view of campaign documents, folded by an `EventConsumer` from the journal:
///
/// - `campaign.document.submitted` → the bytes, stored by content hash (the same bytes again are no new row);
/// - `campaign.fact.submitted` / `resubmitted` → the channels the campaign runs on (its brief's);
/// - `campaign.fact.document_revised` → the campaign's current version of that document;
/// - `campaign.fact.qa_requested` → a snapshot of the current versions under the fact's seq, which a
///   worker leased that fact reads (so a redelivery checks exactly the same versions);
/// - `qa.report.ready` (from any replica) → the report is known, so no replica makes another.
///
/// Why a projection and not REPLAY on demand: every replica needs the content of every document of a
/// campaign under QA, which a REPLAY would have to search for from seq 1 each time; the projection reads each
/// record once, survives restarts (inbox), and lets the worker wait for exactly the seq it was leased.
public struct QAProjection: EventHandler {
    public init() {}

    public static let prefixes = ["campaign.document.submitted", CampaignFactRecorded.prefix, QAReportReady.topic.rawValue]

    public func handle(_ event: AnyEnvelope, in db: Database, outbox: inout Outbox, context: EventContext) throws {
        if let submitted = event.typed(as: DocumentSubmitted.self) {
            let document = submitted.data
            try db.execute(
                sql: "INSERT INTO qa_content (content_hash, media_type, bytes) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                arguments: [QAStore.hash(document.content).rawValue, document.mediaType, document.content])
        } else if let fact = event.typed(as: CampaignFactRecorded.self) {
            let campaign = fact.data.event.campaignID
            switch fact.data.event.fact {
            case .submitted(let request), .resubmitted(let request):
                try QAStore.recordChannels(request.brief.channels, of: campaign, in: db)
            case .documentRevised(let version):
                try db.execute(
                    sql: """
                        INSERT INTO qa_document (campaign, document, version, content_hash) VALUES (?, ?, ?, ?)
                        ON CONFLICT(campaign, document) DO UPDATE SET version = excluded.version,
                          content_hash = excluded.content_hash
                        """,
                    arguments: [campaign.rawValue, version.document.rawValue, version.version, version.contentHash.rawValue])
            case .qaRequested:
                let documents = try QAStore.currentDocuments(of: campaign, in: db)
                try db.execute(
                    sql: "INSERT INTO qa_request (seq, campaign, documents) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                    arguments: [Int64(context.seq), campaign.rawValue, try JSONEncoder().encode(documents)])
            default:
                break
            }
        } else if let report = event.typed(as: QAReportReady.self) {
            try QAStore.recordReport(report.data, eventID: report.header.id, payload: nil, in: db)
        }
    }
}
