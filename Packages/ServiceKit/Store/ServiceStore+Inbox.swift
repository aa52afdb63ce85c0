import Foundation
import GRDB

extension ServiceStore {
    /// The seq of the last delivery `consumer` processed; 0 when it has processed none.
    public func inboxSeq(consumer: String) async throws -> UInt64 {
        try await pool.read { db in try Inbox.lastSeq(consumer: consumer, in: db) }
    }

    /// Every consumer's last processed seq.
    public func inboxSeqs() async throws -> [String: UInt64] {
        try await pool.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT consumer, last_seq FROM inbox")
            return Dictionary(uniqueKeysWithValues: rows.map { ($0["consumer"] as String, $0["last_seq"] as UInt64) })
        }
    }
}

/// The inbox rows an ``EventConsumer`` reads and writes inside its transaction.
enum Inbox {
    static func lastSeq(consumer: String, in db: Database) throws -> UInt64 {
        try UInt64.fetchOne(db, sql: "SELECT last_seq FROM inbox WHERE consumer = ?", arguments: [consumer]) ?? 0
    }

    static func record(consumer: String, seq: UInt64, in db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO inbox (consumer, last_seq) VALUES (?, ?)
                ON CONFLICT(consumer) DO UPDATE SET last_seq = excluded.last_seq
                """, arguments: [consumer, seq])
    }

    static func isProcessed(_ id: UUID, consumer: String, in db: Database) throws -> Bool {
        try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM processed_events WHERE consumer = ? AND event_id = ?)",
            arguments: [consumer, key(id)]) ?? false
    }

    static func markProcessed(_ id: UUID, seq: UInt64, consumer: String, in db: Database) throws {
        try db.execute(
            sql: "INSERT INTO processed_events (consumer, event_id, seq) VALUES (?, ?, ?)",
            arguments: [consumer, key(id), seq])
    }

    /// Event ids are stored as on the wire: lowercase.
    static func key(_ id: UUID) -> String { id.uuidString.lowercased() }
}
