import Contracts
import Domain
import Foundation
import GRDB
import StationKit

/// marquee-notify's own tables, beside ServiceKit's inbox and outbox:
/// - `ntf_campaign`: each campaign folded from its facts (to know requester, specialist, title and open
///   approval steps), with the last folded version;
/// - `ntf_delivery`: the delivery queue, one row per (cause event, channel, recipient, kind): `pending` until
///   `sent` or `failed`, with attempts, the next due time and the last error;
/// - `ntf_due_soon`: the step runs already warned about as due soon (``DueSoonTicker``), by derived cause id.
public enum NotifyStore {
    /// Registers the migrations.
    public static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("notify.v1") { db in
            try db.create(table: "ntf_campaign", options: .withoutRowID) { t in
                t.primaryKey("campaign", .text)
                t.column("version", .integer).notNull()
                t.column("state", .blob).notNull()
            }
            try db.create(table: "ntf_delivery") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("cause", .text).notNull()
                t.column("correlation", .text).notNull()
                t.column("channel", .text).notNull()
                t.column("recipient", .text).notNull()
                t.column("address", .text).notNull()
                t.column("kind", .text).notNull()
                t.column("campaign", .text).notNull()
                t.column("title", .text).notNull()
                t.column("body", .text).notNull()
                t.column("link", .text).notNull()
                t.column("status", .text).notNull()
                t.column("attempts", .integer).notNull()
                t.column("due_at", .double).notNull()
                t.column("created_at", .double).notNull()
                t.column("sent_at", .double)
                t.column("last_error", .text)
                t.uniqueKey(["cause", "channel", "recipient", "kind"])
            }
            try db.create(index: "ntf_delivery_due", on: "ntf_delivery", columns: ["channel", "status", "due_at"])
        }
        migrator.registerMigration("notify.v2") { db in
            try db.create(table: "ntf_due_soon", options: .withoutRowID) { t in
                t.primaryKey("cause", .text)
            }
        }
    }

    /// The campaign `id` as folded so far, with its last version.
    static func campaign(_ id: CampaignID, in db: Database) throws -> (campaign: Campaign, version: Int)? {
        guard let row = try Row.fetchOne(db, sql: "SELECT version, state FROM ntf_campaign WHERE campaign = ?", arguments: [id.rawValue])
        else { return nil }
        let state: Data = row["state"]
        return (try MarqueeJSON.decoder().decode(Campaign.self, from: state), row["version"])
    }

    static func save(_ campaign: Campaign, version: Int, in db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO ntf_campaign (campaign, version, state) VALUES (?, ?, ?)
                ON CONFLICT(campaign) DO UPDATE SET version = excluded.version, state = excluded.state
                """, arguments: [campaign.id.rawValue, version, try MarqueeJSON.encode(campaign)])
    }

    /// Every folded campaign not yet closed or cancelled.
    static func campaignsOnTheLine(in db: Database) throws -> [Campaign] {
        let decoder = MarqueeJSON.decoder()
        return try Data.fetchAll(db, sql: "SELECT state FROM ntf_campaign").compactMap { state in
            let campaign = try decoder.decode(Campaign.self, from: state)
            return [.closed, .cancelled].contains(campaign.stage) ? nil : campaign
        }
    }

    /// The cause id of "SLA due soon" for one run of a step: the same for every tick, restart and rebuild.
    static func dueSoonCause(_ campaign: CampaignID, _ deadline: SLADeadline) -> UUID {
        let start = Int64(deadline.startedAt.timeIntervalSince1970 * 1000)
        return DerivedEventID.named(
            "notify/sla-due-soon/\(campaign.rawValue)/\(deadline.step.rawValue)/\(deadline.approvalStep ?? "")/\(start)")
    }

    /// Records that `cause` was warned about; false when it was before.
    static func markDueSoon(_ cause: UUID, in db: Database) throws -> Bool {
        try db.execute(sql: "INSERT INTO ntf_due_soon (cause) VALUES (?) ON CONFLICT DO NOTHING", arguments: [cause.uuidString.lowercased()])
        return db.changesCount > 0
    }

    /// The id the inbox notification of `cause` for `recipient` and `kind` is published under.
    static func inboxEventID(cause: UUID, recipient: UserID, kind: NotificationKind) -> UUID {
        DerivedEventID.named("notify/inbox/\(cause.uuidString.lowercased())/\(recipient.rawValue)/\(kind.rawValue)")
    }

    /// The id a gave-up delivery's `notification.failed` is published under.
    static func failedEventID(_ delivery: Delivery) -> UUID { DerivedEventID.named("notify/failed/\(delivery.deliveryID)") }
}
