import Contracts
import Domain
import Foundation
import GRDB

/// The QA service's own tables, beside ServiceKit's inbox and outbox:
/// - `qa_content`: document bytes by content hash (`sha256:<hex>`, as the build station computes it);
/// - `qa_document`: each campaign's current version of each document (from `document_revised` facts);
/// - `qa_request`: for each `qa_requested` fact (by bus seq), the versions current at that point — what a
///   worker leased that fact checks, whenever and however often it is delivered;
/// - `qa_report`: one report per (campaign, versions), made here or seen on the bus from another replica;
/// - `qa_campaign` (`qa.v2`): the channels each campaign runs on (from its `submitted`/`resubmitted` request),
///   whose specs its images are checked against. A store that folded a campaign's request before `qa.v2` has no
///   row for it: its images are checked as email.
public enum QAStore {
    public static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("qa.v1") { db in
            try db.create(table: "qa_content", options: .withoutRowID) { t in
                t.primaryKey("content_hash", .text)
                t.column("media_type", .text).notNull()
                t.column("bytes", .blob).notNull()
            }
            try db.create(table: "qa_document", options: .withoutRowID) { t in
                t.column("campaign", .text).notNull()
                t.column("document", .text).notNull()
                t.column("version", .integer).notNull()
                t.column("content_hash", .text).notNull()
                t.primaryKey(["campaign", "document"])
            }
            try db.create(table: "qa_request") { t in
                t.primaryKey("seq", .integer)
                t.column("campaign", .text).notNull()
                t.column("documents", .blob).notNull()
            }
            try db.create(table: "qa_report", options: .withoutRowID) { t in
                t.column("campaign", .text).notNull()
                t.column("versions", .text).notNull()
                t.column("event_id", .text).notNull()
                t.column("worker", .text).notNull()
                t.column("verdict", .text).notNull()
                t.column("payload", .blob)
                t.primaryKey(["campaign", "versions"])
            }
        }
        migrator.registerMigration("qa.v2") { db in
            try db.create(table: "qa_campaign", options: .withoutRowID) { t in
                t.primaryKey("campaign", .text)
                t.column("channels", .text).notNull()
            }
        }
    }

    /// The content hash the build station gives `bytes`.
    public static func hash(_ bytes: Data) -> ContentHash {
        ContentHash(rawValue: "sha256:" + SHA256Hex.digest(bytes))
    }

    /// The identity of a set of versions: `document@hash` sorted, comma-joined.
    public static func versionsKey(_ documents: [DocumentVersion]) -> String {
        documents.map { "\($0.document.rawValue)@\($0.contentHash.rawValue)" }.sorted().joined(separator: ",")
    }

    static func currentDocuments(of campaign: CampaignID, in db: Database) throws -> [DocumentVersion] {
        try Row.fetchAll(
            db, sql: "SELECT document, version, content_hash FROM qa_document WHERE campaign = ? ORDER BY document",
            arguments: [campaign.rawValue]
        ).map { row in
            DocumentVersion(
                document: DocumentID(rawValue: row["document"]), version: row["version"],
                contentHash: ContentHash(rawValue: row["content_hash"]))
        }
    }

    /// Records the channels `campaign` runs on (the latest request's).
    static func recordChannels(_ channels: [Channel], of campaign: CampaignID, in db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO qa_campaign (campaign, channels) VALUES (?, ?)
                ON CONFLICT(campaign) DO UPDATE SET channels = excluded.channels
                """,
            arguments: [campaign.rawValue, channels.map(\.rawValue).joined(separator: ",")])
    }

    /// The channels `campaign` runs on, in its request's order; empty when unknown.
    public static func channels(of campaign: CampaignID, in db: Database) throws -> [Channel] {
        let text = try String.fetchOne(
            db, sql: "SELECT channels FROM qa_campaign WHERE campaign = ?", arguments: [campaign.rawValue])
        return (text ?? "").split(separator: ",").compactMap { Channel(rawValue: String($0)) }
    }

    /// The request recorded for the `qa_requested` fact at `seq`.
    public static func request(at seq: UInt64, in db: Database) throws -> (campaign: CampaignID, documents: [DocumentVersion])? {
        guard let row = try Row.fetchOne(db, sql: "SELECT campaign, documents FROM qa_request WHERE seq = ?", arguments: [Int64(seq)])
        else { return nil }
        let data: Data = row["documents"]
        return (CampaignID(rawValue: row["campaign"]), try JSONDecoder().decode([DocumentVersion].self, from: data))
    }

    /// The content and media type of `hash`, if seen.
    public static func content(_ hash: ContentHash, in db: Database) throws -> (mediaType: String, bytes: Data)? {
        guard let row = try Row.fetchOne(
            db, sql: "SELECT media_type, bytes FROM qa_content WHERE content_hash = ?", arguments: [hash.rawValue])
        else { return nil }
        return (row["media_type"], row["bytes"])
    }

    /// The stored report of (campaign, versions): its event id and payload (nil when only seen on the bus).
    public static func report(campaign: CampaignID, versions: String, in db: Database) throws -> (eventID: String, payload: Data?)? {
        guard let row = try Row.fetchOne(
            db, sql: "SELECT event_id, payload FROM qa_report WHERE campaign = ? AND versions = ?",
            arguments: [campaign.rawValue, versions])
        else { return nil }
        return (row["event_id"], row["payload"])
    }

    /// Records a report; the first one of (campaign, versions) wins. Returns whether it was new.
    @discardableResult
    static func recordReport(_ report: QAReportReady, eventID: UUID, payload: Data?, in db: Database) throws -> Bool {
        try db.execute(
            sql: """
                INSERT INTO qa_report (campaign, versions, event_id, worker, verdict, payload) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT(campaign, versions) DO NOTHING
                """,
            arguments: [
                report.campaignID.rawValue, versionsKey(report.documents), eventID.uuidString, report.worker,
                report.verdict.rawValue, payload,
            ])
        return db.changesCount > 0
    }
}
