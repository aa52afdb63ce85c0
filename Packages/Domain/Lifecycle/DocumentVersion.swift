import Foundation

/// One exact version of a campaign document, identified by its content hash.
///
/// Wire: `{"document": "email-main", "version": 3, "content_hash": "sha256:…"}`.
public struct DocumentVersion: Sendable, Hashable, Codable {
    /// The document.
    public var document: DocumentID
    /// The version number the caller assigned (1, 2, …); informative — the hash decides identity.
    public var version: Int
    /// The hash of this version's content.
    public var contentHash: ContentHash

    /// Creates a document version.
    public init(document: DocumentID, version: Int, contentHash: ContentHash) {
        self.document = document
        self.version = version
        self.contentHash = contentHash
    }

    private enum CodingKeys: String, CodingKey {
        case document
        case version
        case contentHash = "content_hash"
    }
}

extension [DocumentVersion] {
    /// Whether two document sets hold the same content per document, ignoring order and version numbers.
    public func sameContent(as other: [DocumentVersion]) -> Bool {
        Dictionary(map { ($0.document, $0.contentHash) }, uniquingKeysWith: { $1 })
            == Dictionary(other.map { ($0.document, $0.contentHash) }, uniquingKeysWith: { $1 })
    }

    /// The content hash this set holds for `document`.
    public func hash(of document: DocumentID) -> ContentHash? {
        last { $0.document == document }?.contentHash
    }
}
