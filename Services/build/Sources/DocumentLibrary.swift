import Crypto
import Domain
import Foundation

/// The build station's content-addressed document store: each version's bytes live once under
/// `<root>/<sha256 hex>`, whatever campaign or document they belong to. Writes go to a temporary file that
/// is renamed into place, so a crash never leaves a partial version under its hash.
struct DocumentLibrary: Sendable {
    /// The directory holding the bytes.
    let root: URL

    /// The content hash of `bytes`: `sha256:<hex>`.
    static func hash(_ bytes: Data) -> ContentHash {
        let hex = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
        return ContentHash(rawValue: "sha256:\(hex)")
    }

    /// Stores `bytes` (a no-op when that content is already stored) and returns their hash.
    func store(_ bytes: Data) throws -> ContentHash {
        let hash = Self.hash(bytes)
        let target = url(of: hash)
        guard !FileManager.default.fileExists(atPath: target.path) else { return hash }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let temporary = root.appendingPathComponent(".tmp-\(UUID().uuidString)")
        try bytes.write(to: temporary)
        do {
            try FileManager.default.moveItem(at: temporary, to: target)
        } catch where FileManager.default.fileExists(atPath: target.path) {
            try? FileManager.default.removeItem(at: temporary)  // another writer stored the same content
        }
        return hash
    }

    /// The stored bytes of `hash`, if present.
    func content(of hash: ContentHash) -> Data? {
        FileManager.default.contents(atPath: url(of: hash).path)
    }

    private func url(of hash: ContentHash) -> URL {
        root.appendingPathComponent(String(hash.rawValue.dropFirst("sha256:".count)))
    }
}
