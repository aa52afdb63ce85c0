import Foundation
import GRDB

extension LibraryStore {
    /// Documents matching any word of `text`, best first (bm25, a title hit weighs ten body hits).
    public func search(_ text: String, kind: DocumentKind? = nil, limit: Int = 10) async throws -> [SearchHit] {
        guard let query = FTSQuery.any(text) else { return [] }
        return try await database.read { db in try Self.hits(db, query: query, kind: kind, limit: limit) }
    }

    static func hits(_ db: Database, query: String, kind: DocumentKind?, limit: Int) throws -> [SearchHit] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT d.path, d.title, d.kind, bm25(library_search, 10.0, 1.0) AS rank,
                       snippet(library_search, 1, '[', ']', '…', 12) AS snippet
                FROM library_search JOIN library_document d ON d.id = library_search.rowid
                WHERE library_search MATCH ? AND (? IS NULL OR d.kind = ?)
                ORDER BY rank LIMIT ?
                """, arguments: [query, kind?.rawValue, kind?.rawValue, max(1, min(limit, 100))]
        ).map { row in
            SearchHit(
                path: row["path"], title: row["title"], kind: DocumentKind(rawValue: row["kind"]) ?? .sop,
                snippet: row["snippet"], rank: row["rank"])
        }
    }

    /// The template whose title holds every word of `name` ("brief", "design request"), best ranked.
    public func template(named name: String) async throws -> LibraryDocument? {
        guard let query = FTSQuery.allInTitle(name) else { return nil }
        return try await database.read { db in
            guard let hit = try Self.hits(db, query: query, kind: .template, limit: 1).first else { return nil }
            return try Row.fetchOne(
                db,
                sql: """
                    SELECT d.path, d.title, d.kind, d.owner, d.hash, c.body FROM library_document d
                    JOIN library_content c ON c.hash = d.hash WHERE d.path = ?
                    """, arguments: [hit.path]
            ).map(Self.makeDocument)
        }
    }
}
