import Domain
import Foundation
import GRDB

/// The audit log (`gw_audit`): one row per state-changing action, written in the transaction that does it (a
/// command's row commits with the command's outbox row).
enum AuditLog {
    /// One action: who, what, on what, the event it published and how it ended (`accepted`, `refused`…).
    struct Entry: Codable, Sendable, Equatable {
        var at: Date
        var user: UserID
        var action: String
        var target: String?
        var eventID: String?
        var outcome: String

        private enum CodingKeys: String, CodingKey {
            case at, user, action, target, outcome
            case eventID = "event_id"
        }
    }

    static func record(_ entry: Entry, in db: Database) throws {
        try db.execute(
            sql: "INSERT INTO gw_audit (at, user, action, target, event_id, outcome) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [entry.at.timeIntervalSince1970, entry.user.rawValue, entry.action, entry.target, entry.eventID, entry.outcome])
    }

    /// The latest `limit` entries, newest first.
    static func latest(_ limit: Int, in db: Database) throws -> [Entry] {
        try Row.fetchAll(db, sql: "SELECT * FROM gw_audit ORDER BY position DESC LIMIT ?", arguments: [limit]).map { row in
            Entry(
                at: Date(timeIntervalSince1970: row["at"]), user: UserID(rawValue: row["user"]), action: row["action"],
                target: row["target"], eventID: row["event_id"], outcome: row["outcome"])
        }
    }
}
