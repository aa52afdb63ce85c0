import GRDB

extension ServiceStore {
    /// ServiceKit's own tables, registered before any of the service's migrations.
    ///
    /// - `outbox`: events written with the state change that caused them, in insertion order (`position`);
    ///   `sent_seq` is the bus seq once published.
    /// - `inbox`: per consumer, the seq of the last delivery it processed.
    /// - `processed_events`: per consumer, every event id it processed, so a re-published id is skipped.
    /// - v2: `outbox.sent_at`, the wall-clock time a row was published (what retention measures; `created_at` is
    ///   the service's business clock, which may be a test's file clock).
    static func registerKitMigrations(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("servicekit.v1") { db in
            try db.create(table: "outbox") { t in
                t.primaryKey("id", .text)
                t.column("position", .integer).notNull().unique()
                t.column("topic", .text).notNull()
                t.column("payload", .blob).notNull()
                t.column("created_at", .datetime).notNull()
                t.column("sent_seq", .integer)
            }
            try db.create(
                index: "outbox_unsent", on: "outbox", columns: ["position"], condition: Column("sent_seq") == nil)
            try db.create(table: "inbox") { t in
                t.primaryKey("consumer", .text)
                t.column("last_seq", .integer).notNull()
            }
            try db.create(table: "processed_events", options: .withoutRowID) { t in
                t.column("consumer", .text).notNull()
                t.column("event_id", .text).notNull()
                t.column("seq", .integer).notNull()
                t.primaryKey(["consumer", "event_id"])
            }
        }
        migrator.registerMigration("servicekit.v2") { db in
            try db.alter(table: "outbox") { t in t.add(column: "sent_at", .double) }
            try db.execute(sql: "UPDATE outbox SET sent_at = strftime('%s', 'now') WHERE sent_seq IS NOT NULL")
        }
    }
}
