import Contracts
import Crypto
import Domain
import Foundation
import GRDB

/// A campaign's documents as the gateway knows them: the versions from its `document_revised` facts, the current and
/// approved ones from the folded campaign, and each version's bytes from `gw_blob` (kept by content hash for every
/// `campaign.document.submitted` the gateway published or read from the bus).
struct DocumentShelf: Codable, Sendable, Equatable {
    /// One version of a document.
    struct Version: Codable, Sendable, Equatable {
        var version: Int
        var contentHash: ContentHash
        var revisedAt: Date
        /// The media type and size, when the gateway holds the bytes.
        var mediaType: String?
        var size: Int?
        /// Where to download it.
        var href: String

        private enum CodingKeys: String, CodingKey {
            case version, size, href
            case contentHash = "content_hash"
            case revisedAt = "revised_at"
            case mediaType = "media_type"
        }
    }

    var document: DocumentID
    var current: Version?
    var approved: Version?
    var versions: [Version]

    /// The content hash of `bytes`, as build computes it: `sha256:<hex>`.
    static func hash(_ bytes: Data) -> ContentHash {
        ContentHash(rawValue: "sha256:" + SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined())
    }

    /// Keeps `bytes` under their hash (once).
    static func keep(_ bytes: Data, mediaType: String, in db: Database) throws -> ContentHash {
        let hash = hash(bytes)
        try db.execute(
            sql: "INSERT INTO gw_blob (content_hash, media_type, size, content) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
            arguments: [hash.rawValue, mediaType, bytes.count, bytes])
        return hash
    }

    /// The bytes and media type kept for `hash`.
    static func blob(_ hash: ContentHash, in db: Database) throws -> (mediaType: String, content: Data)? {
        try Row.fetchOne(db, sql: "SELECT media_type, content FROM gw_blob WHERE content_hash = ?", arguments: [hash.rawValue])
            .map { ($0["media_type"], $0["content"]) }
    }

    /// Every document of `campaign`, by name.
    static func shelves(of campaign: Campaign, in db: Database) throws -> [DocumentShelf] {
        let revisions: [(DocumentVersion, Date)] = try ReadModel.facts(of: campaign.id, in: db).compactMap { fact in
            guard case .documentRevised(let version) = fact.event.fact else { return nil }
            return (version, fact.event.occurredAt)
        }
        var blobs: [String: (String, Int)] = [:]
        for hash in Set(revisions.map(\.0.contentHash.rawValue)) {
            if let row = try Row.fetchOne(db, sql: "SELECT media_type, size FROM gw_blob WHERE content_hash = ?", arguments: [hash]) {
                blobs[hash] = (row["media_type"], row["size"])
            }
        }
        let base = "/api/campaigns/\(campaign.id.rawValue)/documents"
        return Dictionary(grouping: revisions, by: \.0.document).keys.sorted { $0.rawValue < $1.rawValue }.map { document in
            let versions = revisions.filter { $0.0.document == document }.map { version, at in
                Version(
                    version: version.version, contentHash: version.contentHash, revisedAt: at,
                    mediaType: blobs[version.contentHash.rawValue]?.0, size: blobs[version.contentHash.rawValue]?.1,
                    href: "\(base)/\(document.rawValue)/versions/\(version.version)")
            }
            func matching(_ hash: ContentHash?) -> Version? { hash.flatMap { hash in versions.last { $0.contentHash == hash } } }
            return DocumentShelf(
                document: document, current: matching(campaign.documents.hash(of: document)),
                approved: matching(campaign.approvedVersions.hash(of: document)), versions: versions)
        }
    }

    private enum CodingKeys: String, CodingKey {
        case document, current, approved, versions
    }
}
