import Foundation
import GRDB
import ServiceKit

/// A ``ServiceStore`` in a fresh temp directory with the test handler's `effects` table.
struct TestStore {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("marquee-servicekit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    var path: String { directory.appendingPathComponent("test.sqlite").path }

    /// Opens the store (again: a "restarted process" opens the same file).
    func open() throws -> ServiceStore {
        try ServiceStore(path: path) { migrator in
            migrator.registerMigration("test.v1") { db in
                // No uniqueness on purpose: an effect applied twice shows up as two rows.
                try db.create(table: "effects") { t in
                    t.autoIncrementedPrimaryKey("n")
                    t.column("event_id", .text).notNull()
                    t.column("campaign_id", .text).notNull()
                    t.column("seq", .integer).notNull()
                }
            }
        }
    }

    func remove() throws {
        try FileManager.default.removeItem(at: directory)
    }
}
