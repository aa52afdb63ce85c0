import Contracts
import Domain
import Foundation
import GRDB

/// Each user's dashboard inbox (`gw_inbox`), folded from `notification.inbox` by ``ReadModelHandler``: one row per
/// event id (a copy of an event already kept changes nothing), ordered by the bus seq it arrived at, with the time
/// its recipient marked it read.
enum Inbox {
    /// Keeps `notification` (event `id`, published at `at`, folded at bus `seq`); false when that id is kept already.
    @discardableResult
    static func keep(_ notification: NotificationInbox, id: UUID, at: Date, seq: UInt64, in db: Database) throws -> Bool {
        try db.execute(
            sql: """
                INSERT INTO gw_inbox (event_id, seq, recipient, kind, campaign, title, body, link, cause_id, at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(event_id) DO NOTHING
                """,
            arguments: [
                id.uuidString.lowercased(), seq, notification.recipient.rawValue, notification.kind.rawValue,
                notification.campaignID.rawValue, notification.title, notification.body, notification.link,
                notification.causeID.uuidString.lowercased(), at.timeIntervalSince1970,
            ])
        return db.changesCount > 0
    }

    /// Up to `limit` notifications of `user` older than seq `before` (all when nil), newest first, and the unread
    /// count; `nextCursor` when more may follow.
    static func page(of user: UserID, before: UInt64?, limit: Int, in db: Database) throws -> InboxPage {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT * FROM gw_inbox WHERE recipient = ? AND seq < ? ORDER BY seq DESC LIMIT ?
                """,
            arguments: [user.rawValue, before.map { Int64(clamping: $0) } ?? Int64.max, limit])
        let next = rows.count == limit ? rows.last.map { PageCursor.encode(String($0["seq"] as Int64)) } : nil
        return InboxPage(items: rows.map(item), nextCursor: next, unread: try unread(of: user, in: db))
    }

    /// How many notifications of `user` are unread.
    static func unread(of user: UserID, in db: Database) throws -> Int {
        try Int.fetchOne(
            db, sql: "SELECT COUNT(*) FROM gw_inbox WHERE recipient = ? AND read_at IS NULL", arguments: [user.rawValue]) ?? 0
    }

    /// Marks the notification `id` of `user` read at `now` (a second time keeps the first time); nil when `user`
    /// has no notification `id`.
    static func markRead(_ id: String, of user: UserID, now: Date, in db: Database) throws -> InboxItem? {
        try db.execute(
            sql: "UPDATE gw_inbox SET read_at = ? WHERE event_id = ? AND recipient = ? AND read_at IS NULL",
            arguments: [now.timeIntervalSince1970, id.lowercased(), user.rawValue])
        return try Row.fetchOne(
            db, sql: "SELECT * FROM gw_inbox WHERE event_id = ? AND recipient = ?", arguments: [id.lowercased(), user.rawValue]
        ).map(item)
    }

    private static func item(_ row: Row) -> InboxItem {
        InboxItem(
            id: row["event_id"], kind: row["kind"], campaignID: row["campaign"], title: row["title"], body: row["body"],
            link: row["link"], causeID: row["cause_id"], at: Date(timeIntervalSince1970: row["at"]),
            readAt: (row["read_at"] as Double?).map(Date.init(timeIntervalSince1970:)))
    }
}
