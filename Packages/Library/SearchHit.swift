import Foundation

/// One ranked result of a full-text search of the library.
public struct SearchHit: Sendable, Hashable {
    /// The document's path.
    public var path: String
    /// Its title.
    public var title: String
    /// Template or SOP.
    public var kind: DocumentKind
    /// The matching passage with hits in `[brackets]`.
    public var snippet: String
    /// bm25 rank; lower is better (SQLite returns it negated).
    public var rank: Double
}
