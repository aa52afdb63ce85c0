import Assistant
import Domain
import Foundation
import GRDB
import Library

/// marquee-assistant's own tables beside the knowledge library's: what it knows of each campaign, and every
/// open conversation (keyed by user and conversation id, so nobody continues someone else's).
public enum AssistantTables {
    /// Adds the library's and the assistant's tables to `migrator`.
    public static func register(_ migrator: inout DatabaseMigrator) {
        LibraryStore.registerMigrations(&migrator)
        migrator.registerMigration("assistant-v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE assistant_campaign (id TEXT PRIMARY KEY, summary TEXT NOT NULL);
                    CREATE TABLE assistant_conversation (
                        user TEXT NOT NULL, id TEXT NOT NULL, state TEXT NOT NULL, campaign_id TEXT,
                        resubmissions INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (user, id));
                    """)
        }
    }

    static func campaigns(in db: Database) throws -> [CampaignSummary] {
        try String.fetchAll(db, sql: "SELECT summary FROM assistant_campaign ORDER BY id").compactMap { json in
            try? JSONDecoder().decode(CampaignSummary.self, from: Data(json.utf8))
        }
    }

    static func campaign(_ id: CampaignID, in db: Database) throws -> CampaignSummary? {
        try String.fetchOne(db, sql: "SELECT summary FROM assistant_campaign WHERE id = ?", arguments: [id.rawValue])
            .flatMap { try? JSONDecoder().decode(CampaignSummary.self, from: Data($0.utf8)) }
    }

    static func save(_ summary: CampaignSummary, in db: Database) throws {
        let json = String(decoding: try JSONEncoder().encode(summary), as: UTF8.self)
        try db.execute(
            sql: "INSERT INTO assistant_campaign (id, summary) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET summary = excluded.summary",
            arguments: [summary.id.rawValue, json])
    }
}

/// One stored conversation: the intake state, and the campaign it submitted (for resubmissions).
struct StoredConversation: Sendable {
    var intake: IntakeConversation
    var campaignID: CampaignID?
    var resubmissions: Int

    static func load(user: UserID, id: String, in db: Database) throws -> StoredConversation? {
        guard
            let row = try Row.fetchOne(
                db, sql: "SELECT state, campaign_id, resubmissions FROM assistant_conversation WHERE user = ? AND id = ?",
                arguments: [user.rawValue, id]),
            let intake = try? JSONDecoder().decode(IntakeConversation.self, from: Data((row["state"] as String).utf8))
        else { return nil }
        return StoredConversation(
            intake: intake, campaignID: (row["campaign_id"] as String?).map(CampaignID.init(rawValue:)),
            resubmissions: row["resubmissions"])
    }

    func save(user: UserID, id: String, in db: Database) throws {
        let json = String(decoding: try JSONEncoder().encode(intake), as: UTF8.self)
        try db.execute(
            sql: """
                INSERT INTO assistant_conversation (user, id, state, campaign_id, resubmissions) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(user, id) DO UPDATE SET state = excluded.state, campaign_id = excluded.campaign_id,
                    resubmissions = excluded.resubmissions
                """, arguments: [user.rawValue, id, json, campaignID?.rawValue, resubmissions])
    }
}
