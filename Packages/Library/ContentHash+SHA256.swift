import Crypto
import Domain
import Foundation

extension ContentHash {
    /// The content address of `body`: `sha256:` and the hex SHA-256 of its UTF-8 bytes.
    public init(sha256Of body: String) {
        let digest = SHA256.hash(data: Data(body.utf8))
        self.init(rawValue: "sha256:" + digest.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined())
    }
}
