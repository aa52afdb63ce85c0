import Crypto
import Foundation

/// Random secrets (session ids, API tokens, CSRF tokens, one-time passwords) and the form they are stored in:
/// only the SHA-256 of a session or token secret reaches the database.
enum Secret {
    /// 32 random bytes as base64url, with `prefix`.
    static func make(prefix: String = "") -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return prefix
            + Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// The stored form of `secret`: lowercase hex SHA-256.
    static func digest(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
