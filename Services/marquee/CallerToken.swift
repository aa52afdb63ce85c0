import Foundation

/// The bearer token that lets a caller speak for a user to marquee-assistant (`--caller-token-file`): the
/// gateway and `marquee ask` present it. A random 256-bit value in hex, in a file readable by its owner only.
enum CallerToken {
    /// Writes a new token to `file` unless one is there; returns whether it wrote one.
    @discardableResult
    static func write(to file: URL) throws -> Bool {
        guard !FileManager.default.fileExists(atPath: file.path) else { return false }
        var generator = SystemRandomNumberGenerator()
        let token = (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: file.path, contents: Data((token + "\n").utf8), attributes: [.posixPermissions: 0o600])
        else { throw CommandFailure("could not write the assistant's caller token to \(file.path)") }
        return true
    }
}
