import Foundation
import GRDB

extension ServiceStore {
    /// How many outbox rows are not yet published.
    public func outboxBacklog() async throws -> Int {
        try await pool.read { db in try OutboxRow.backlog(in: db) }
    }

    /// Deletes the outbox rows published before `cutoff` (wall clock); returns how many. Unpublished rows stay.
    @discardableResult
    public func pruneSentOutbox(publishedBefore cutoff: Date) async throws -> Int {
        try await pool.write { db in
            try db.execute(
                sql: "DELETE FROM outbox WHERE sent_seq IS NOT NULL AND sent_at < ?",
                arguments: [cutoff.timeIntervalSince1970])
            return db.changesCount
        }
    }
}

/// One stored outgoing event as the relay reads it.
struct OutboxRow: Sendable, Equatable {
    var id: String
    var position: Int64
    var topic: String
    var payload: [UInt8]

    /// Up to `limit` unsent rows, oldest first.
    static func unsent(limit: Int, in db: Database) throws -> [OutboxRow] {
        try Row.fetchAll(
            db, sql: "SELECT id, position, topic, payload FROM outbox WHERE sent_seq IS NULL ORDER BY position LIMIT ?",
            arguments: [limit]
        ).map { row in
            let payload: Data = row["payload"]
            return OutboxRow(id: row["id"], position: row["position"], topic: row["topic"], payload: Array(payload))
        }
    }

    static func markSent(id: String, seq: UInt64, in db: Database) throws {
        try db.execute(
            sql: "UPDATE outbox SET sent_seq = ?, sent_at = ? WHERE id = ?",
            arguments: [seq, Date().timeIntervalSince1970, id])
    }

    static func backlog(in db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox WHERE sent_seq IS NULL") ?? 0
    }

    /// Appends an event after every other; an id already stored is left as it is (an idempotent re-emit).
    /// Returns whether a row was added.
    static func insert(id: String, topic: String, payload: Data, createdAt: Date, in db: Database) throws -> Bool {
        try db.execute(
            sql: """
                INSERT INTO outbox (id, position, topic, payload, created_at)
                VALUES (?, (SELECT IFNULL(MAX(position), 0) + 1 FROM outbox), ?, ?, ?)
                ON CONFLICT(id) DO NOTHING
                """, arguments: [id, topic, payload, createdAt])
        return db.changesCount > 0
    }
}
