import Foundation
import GRDB

/// A service's own SQLite database: a GRDB `DatabasePool` in WAL mode holding ServiceKit's inbox and outbox
/// tables beside the service's own state, migrated on open.
///
/// ```swift
/// let store = try ServiceStore(path: runtime.storePath) { migrator in
///     migrator.registerMigration("intake.v1") { db in try db.create(table: "campaign") { … } }
/// }
/// ```
///
/// Every write that changes state and emits events goes through one transaction — ``write(source:now:_:)``
/// or an ``EventConsumer`` — so effects, outgoing events and the inbox position commit together.
public final class ServiceStore: Sendable {
    /// The database; read from it freely, write state together with its events through ``write(source:now:_:)``.
    public let pool: DatabasePool
    /// Wakes the ``OutboxRelay`` after a transaction that appended events.
    public let outboxSignal: OutboxSignal

    /// Opens (creating if needed) the database at `path`, applies ServiceKit's migrations, then the service's.
    public init(path: String, migrations: (inout DatabaseMigrator) -> Void = { _ in }) throws {
        pool = try DatabasePool(path: path)
        var migrator = DatabaseMigrator()
        ServiceStore.registerKitMigrations(in: &migrator)
        migrations(&migrator)
        try migrator.migrate(pool)
        outboxSignal = OutboxSignal()
    }

    /// Runs `body` in one write transaction with an ``Outbox`` whose events are stored in that same
    /// transaction; wakes the relay when any were appended. For state changes that are not a reaction to a
    /// bus event (timers, commands from HTTP).
    public func write<T: Sendable>(
        source: String, now: Date, _ body: @escaping @Sendable (Database, inout Outbox) throws -> T
    ) async throws -> T {
        let (value, appended) = try await pool.write { db in
            var outbox = Outbox(source: source, cause: nil, now: now)
            let value = try body(db, &outbox)
            return (value, try outbox.save(in: db))
        }
        if appended > 0 { outboxSignal.notify() }
        return value
    }
}
