import Domain
import Foundation
import GRDB

/// The knowledge library: templates and SOPs, each with an owner, content-addressed versions (SHA-256), a
/// revision log of who changed what, and ranked full-text search (SQLite FTS5, bm25).
///
/// Versions are stored once per content hash; saving a body that equals the current version records no
/// revision. Only the current version of each document is in the search index.
public struct LibraryStore: Sendable {
    let database: any DatabaseWriter
    /// Who is asked for a template the library does not have.
    public let templateOwner: UserID

    /// Opens the library in `database`, creating its tables.
    public init(database: any DatabaseWriter, templateOwner: UserID) throws {
        var migrator = DatabaseMigrator()
        Self.registerMigrations(&migrator)
        try migrator.migrate(database)
        self.init(migrated: database, templateOwner: templateOwner)
    }

    /// Opens the library in a `database` whose migrator ran ``registerMigrations(_:)`` (a service's store).
    public init(migrated database: any DatabaseWriter, templateOwner: UserID) {
        self.database = database
        self.templateOwner = templateOwner
    }

    /// Adds the library's tables to `migrator`.
    public static func registerMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("library-v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE library_content (hash TEXT PRIMARY KEY, body TEXT NOT NULL);
                    CREATE TABLE library_document (
                        id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, title TEXT NOT NULL, kind TEXT NOT NULL,
                        owner TEXT NOT NULL, hash TEXT NOT NULL REFERENCES library_content(hash));
                    CREATE TABLE library_revision (
                        path TEXT NOT NULL, number INTEGER NOT NULL, hash TEXT NOT NULL, author TEXT NOT NULL,
                        at REAL NOT NULL, note TEXT NOT NULL, PRIMARY KEY (path, number));
                    CREATE VIRTUAL TABLE library_search USING fts5(title, body, tokenize = 'porter unicode61');
                    CREATE TABLE library_template_request (
                        id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, campaign_id TEXT,
                        requested_by TEXT NOT NULL, owner TEXT NOT NULL, at REAL NOT NULL);
                    """)
        }
    }

    /// Saves `body` as the current version of `path`; returns the new revision, or `nil` when nothing changed.
    @discardableResult
    public func save(
        path: String, title: String, kind: DocumentKind, owner: UserID, body: String, author: UserID, at: Date,
        note: String
    ) async throws -> Revision? {
        let hash = ContentHash(sha256Of: body)
        return try await database.write { db in
            try db.execute(sql: "INSERT OR IGNORE INTO library_content (hash, body) VALUES (?, ?)", arguments: [hash.rawValue, body])
            let current = try Row.fetchOne(db, sql: "SELECT id, title, owner, hash FROM library_document WHERE path = ?", arguments: [path])
            if let current, (current["hash"] as String?) == hash.rawValue, (current["title"] as String?) == title,
                (current["owner"] as String?) == owner.rawValue
            {
                return nil
            }
            let id: Int64
            if let current {
                id = current["id"]
                try db.execute(
                    sql: "UPDATE library_document SET title = ?, kind = ?, owner = ?, hash = ? WHERE id = ?",
                    arguments: [title, kind.rawValue, owner.rawValue, hash.rawValue, id])
                try db.execute(sql: "DELETE FROM library_search WHERE rowid = ?", arguments: [id])
            } else {
                try db.execute(
                    sql: "INSERT INTO library_document (path, title, kind, owner, hash) VALUES (?, ?, ?, ?, ?)",
                    arguments: [path, title, kind.rawValue, owner.rawValue, hash.rawValue])
                id = db.lastInsertedRowID
            }
            try db.execute(sql: "INSERT INTO library_search (rowid, title, body) VALUES (?, ?, ?)", arguments: [id, title, body])
            let number =
                try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(number), 0) + 1 FROM library_revision WHERE path = ?", arguments: [path]) ?? 1
            try db.execute(
                sql: "INSERT INTO library_revision (path, number, hash, author, at, note) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [path, number, hash.rawValue, author.rawValue, at.timeIntervalSince1970, note])
            return Revision(path: path, number: number, hash: hash, author: author, at: at, note: note)
        }
    }

    /// Installs every built-in document the library does not have yet, owned by `templateOwner`.
    public func installBuiltIns(at: Date) async throws {
        for document in BuiltInDocument.all {
            guard try await self.document(at: document.path) == nil else { continue }
            try await save(
                path: document.path, title: document.title, kind: document.kind, owner: templateOwner, body: document.body,
                author: "marquee", at: at, note: "built-in default")
        }
    }

    /// The current version of `path`.
    public func document(at path: String) async throws -> LibraryDocument? {
        try await database.read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT d.path, d.title, d.kind, d.owner, d.hash, c.body FROM library_document d
                    JOIN library_content c ON c.hash = d.hash WHERE d.path = ?
                    """, arguments: [path]
            ).map(Self.makeDocument)
        }
    }

    /// The body of any version, by its hash.
    public func body(of hash: ContentHash) async throws -> String? {
        try await database.read { db in
            try String.fetchOne(db, sql: "SELECT body FROM library_content WHERE hash = ?", arguments: [hash.rawValue])
        }
    }

    /// The revision log of `path`, oldest first.
    public func revisions(of path: String) async throws -> [Revision] {
        try await database.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM library_revision WHERE path = ? ORDER BY number", arguments: [path]
            ).map { row in
                Revision(
                    path: row["path"], number: row["number"], hash: ContentHash(rawValue: row["hash"]),
                    author: UserID(rawValue: row["author"]), at: Date(timeIntervalSince1970: row["at"]), note: row["note"])
            }
        }
    }

    static func makeDocument(_ row: Row) -> LibraryDocument {
        LibraryDocument(
            path: row["path"], title: row["title"], kind: DocumentKind(rawValue: row["kind"]) ?? .sop,
            owner: UserID(rawValue: row["owner"]), hash: ContentHash(rawValue: row["hash"]), body: row["body"])
    }
}
