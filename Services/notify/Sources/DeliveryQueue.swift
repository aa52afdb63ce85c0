import Contracts
import Domain
import Foundation
import GRDB

/// The `ntf_delivery` queue's reads and writes, inside the caller's transaction.
enum DeliveryQueue {
    /// Queues `message` for the event `cause` (of the chain `correlation`); returns whether a row was added
    /// (false: queued before).
    static func enqueue(_ message: QueuedMessage, cause: UUID, correlation: UUID, now: Date, in db: Database) throws -> Bool {
        try db.execute(
            sql: """
                INSERT INTO ntf_delivery (cause, correlation, channel, recipient, address, kind, campaign, title, body, link,
                                          status, attempts, due_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?)
                ON CONFLICT DO NOTHING
                """,
            arguments: [
                cause.uuidString.lowercased(), correlation.uuidString.lowercased(), message.channel,
                message.recipient, message.address, message.kind.rawValue, message.campaignID.rawValue, message.title,
                message.body, message.link, message.dueAt.timeIntervalSince1970, now.timeIntervalSince1970,
            ])
        return db.changesCount > 0
    }

    /// Up to `limit` pending rows of `channel` due at `now`, earliest first.
    static func due(channel: String, at now: Date, limit: Int, in db: Database) throws -> [Delivery] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT * FROM ntf_delivery WHERE channel = ? AND status = 'pending' AND due_at <= ?
                ORDER BY due_at, id LIMIT ?
                """, arguments: [channel, now.timeIntervalSince1970, limit]
        ).compactMap(delivery)
    }

    /// When the next pending row of `channel` is due, if any.
    static func nextDue(channel: String, in db: Database) throws -> Date? {
        try Double.fetchOne(
            db, sql: "SELECT MIN(due_at) FROM ntf_delivery WHERE channel = ? AND status = 'pending'", arguments: [channel]
        ).map(Date.init(timeIntervalSince1970:))
    }

    /// Pending rows of `channel` and the creation time of the oldest.
    static func backlog(channel: String, in db: Database) throws -> (count: Int, oldest: Date?) {
        let row = try Row.fetchOne(
            db, sql: "SELECT COUNT(*) AS n, MIN(created_at) AS oldest FROM ntf_delivery WHERE channel = ? AND status = 'pending'",
            arguments: [channel])
        let oldest: Double? = row?["oldest"]
        let count: Int = row?["n"] ?? 0
        return (count, oldest.map(Date.init(timeIntervalSince1970:)))
    }

    static func markSent(_ id: Int64, attempts: Int, at now: Date, in db: Database) throws {
        try db.execute(
            sql: "UPDATE ntf_delivery SET status = 'sent', attempts = ?, sent_at = ?, last_error = NULL WHERE id = ?",
            arguments: [attempts, now.timeIntervalSince1970, id])
    }

    static func markRetry(_ id: Int64, attempts: Int, dueAt: Date, error: String, in db: Database) throws {
        try db.execute(
            sql: "UPDATE ntf_delivery SET attempts = ?, due_at = ?, last_error = ? WHERE id = ?",
            arguments: [attempts, dueAt.timeIntervalSince1970, error, id])
    }

    static func markFailed(_ id: Int64, attempts: Int, error: String, in db: Database) throws {
        try db.execute(
            sql: "UPDATE ntf_delivery SET status = 'failed', attempts = ?, last_error = ? WHERE id = ?",
            arguments: [attempts, error, id])
    }

    private static func delivery(_ row: Row) -> Delivery? {
        guard let kind = NotificationKind(rawValue: row["kind"]) else { return nil }
        return Delivery(
            id: row["id"], causeID: row["cause"], correlationID: row["correlation"], channel: row["channel"],
            recipient: row["recipient"], address: row["address"], kind: kind, campaignID: CampaignID(row["campaign"] as String),
            title: row["title"], body: row["body"], link: row["link"], attempts: row["attempts"],
            dueAt: Date(timeIntervalSince1970: row["due_at"]), createdAt: Date(timeIntervalSince1970: row["created_at"]))
    }
}
