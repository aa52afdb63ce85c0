import Contracts
import Domain
import Foundation
import GRDB

/// A station's tables, beside ServiceKit's inbox and outbox:
/// - `campaign`: per campaign the confirmed state, its version, the pending facts, its stage and the
///   next instant the ticker must look at it (`wake_at`: a launch timer or an SLA due time);
/// - `fact_log`: every fact folded, one row per (campaign, version) — the station's history;
/// - `escalation_sent`: escalations raised, so each is raised once.
enum StationLedger {
    /// Registers the station migrations.
    static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("station.v1") { db in
            try db.create(table: "campaign") { t in
                t.primaryKey("id", .text)
                t.column("version", .integer).notNull()
                t.column("stage", .text).notNull()
                t.column("confirmed", .blob).notNull()
                t.column("pending", .blob).notNull()
                t.column("wake_at", .double)
            }
            try db.create(index: "campaign_wake", on: "campaign", columns: ["wake_at"])
            try db.create(table: "fact_log", options: .withoutRowID) { t in
                t.column("campaign", .text).notNull()
                t.column("version", .integer).notNull()
                t.column("type", .text).notNull()
                t.column("stage", .text).notNull()
                t.column("event_id", .text).notNull()
                t.column("source", .text).notNull()
                t.column("occurred_at", .double).notNull()
                t.primaryKey(["campaign", "version"])
            }
            try db.create(table: "escalation_sent", options: .withoutRowID) { t in
                t.primaryKey("key", .text)
                t.column("raised_at", .double).notNull()
            }
        }
    }

    /// The stored record of `id`, if any.
    static func load(_ id: CampaignID, in db: Database) throws -> CampaignRecord? {
        guard let row = try Row.fetchOne(
            db, sql: "SELECT version, confirmed, pending FROM campaign WHERE id = ?", arguments: [id.rawValue])
        else { return nil }
        let confirmed: Data = row["confirmed"]
        let pending: Data = row["pending"]
        return CampaignRecord(
            confirmed: try MarqueeJSON.decoder().decode(Campaign.self, from: confirmed), version: row["version"],
            pending: try MarqueeJSON.decoder().decode([CampaignFactRecorded].self, from: pending))
    }

    /// Stores `record` with the instant the ticker should next look at it.
    static func save(_ record: CampaignRecord, wakeAt: Date?, in db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO campaign (id, version, stage, confirmed, pending, wake_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET version = excluded.version, stage = excluded.stage,
                  confirmed = excluded.confirmed, pending = excluded.pending, wake_at = excluded.wake_at
                """,
            arguments: [
                record.confirmed.id.rawValue, record.version, record.confirmed.stage.rawValue,
                try MarqueeJSON.encode(record.confirmed), try MarqueeJSON.encode(record.pending),
                wakeAt?.timeIntervalSince1970,
            ])
    }

    /// Appends a folded fact to the station's history.
    static func log(_ fact: CampaignFactRecorded, id: UUID, source: String, in db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO fact_log (campaign, version, type, stage, event_id, source, occurred_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                fact.event.campaignID.rawValue, fact.version, fact.event.fact.type.rawValue, fact.stage.rawValue,
                id.uuidString, source, fact.event.occurredAt.timeIntervalSince1970,
            ])
    }

    /// The campaigns whose `wake_at` is at or before `now`.
    static func due(at now: Date, limit: Int, in db: Database) throws -> [CampaignID] {
        try String.fetchAll(
            db, sql: "SELECT id FROM campaign WHERE wake_at <= ? ORDER BY wake_at LIMIT ?",
            arguments: [now.timeIntervalSince1970, limit]
        ).map(CampaignID.init(rawValue:))
    }

    /// Records escalation `key`; false when it was raised before.
    static func markRaised(_ key: String, at now: Date, in db: Database) throws -> Bool {
        try db.execute(
            sql: "INSERT OR IGNORE INTO escalation_sent (key, raised_at) VALUES (?, ?)",
            arguments: [key, now.timeIntervalSince1970])
        return db.changesCount > 0
    }

    /// Whether escalation `key` was raised.
    static func wasRaised(_ key: String, in db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM escalation_sent WHERE key = ?", arguments: [key]) ?? false
    }
}
