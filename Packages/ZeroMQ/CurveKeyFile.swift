import Foundation

/// CURVE keys kept as Z85 text files, one key per file: `NAME.key` holds the public key and may be shared;
/// `NAME.secret` holds the secret key and is created with mode 0600. Lines starting with `#` and surrounding
/// whitespace are ignored when reading, so a file may carry a comment.
///
/// ```swift
/// let files = try CurveKeyFile.write(try CurveKeyPair.generate(), directory: "keys", name: "intake")
/// let keys = try CurveKeyFile.readPair(secretKeyPath: files.secretKey)   // public half derived and checked
/// ```
public enum CurveKeyFile {
    /// The paths `write` created.
    public struct Written: Sendable, Equatable {
        public let publicKey: String
        public let secretKey: String
    }

    /// Reads the Z85 key in `path` and checks that it is one: 40 characters of Z85 text.
    public static func readKey(_ path: String) throws(CurveKeyError) -> String {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(path: path, reason: (error as NSError).localizedDescription)
        }
        let lines = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
        guard lines.count == 1, let key = lines.first, CurveKey.isValid(key) else { throw .notAKey(path: path) }
        return key
    }

    /// Reads a secret key file and returns its pair: the public half is derived from the secret and, when
    /// the sibling public key file (`x.secret` → `x.key`) exists, must match it.
    public static func readPair(secretKeyPath: String) throws(CurveKeyError) -> CurveKeyPair {
        let secret = try readKey(secretKeyPath)
        let pair: CurveKeyPair
        do {
            pair = try CurveKeyPair.derive(secretKey: secret)
        } catch {
            throw .notAKey(path: secretKeyPath)
        }
        let sibling = publicKeyPath(forSecretKeyPath: secretKeyPath)
        if FileManager.default.fileExists(atPath: sibling), try readKey(sibling) != pair.publicKey {
            throw .mismatchedPair(secretKeyPath: secretKeyPath, publicKeyPath: sibling)
        }
        return pair
    }

    /// The public key file beside a secret key file: `dir/name.secret` → `dir/name.key`.
    public static func publicKeyPath(forSecretKeyPath path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.pathExtension == "secret" ? url.deletingPathExtension().appendingPathExtension("key").path : path + ".key"
    }

    /// Writes `keys` as `directory/name.key` (mode 0644) and `directory/name.secret` (mode 0600), creating
    /// `directory` if needed. Refuses to replace existing files unless `overwrite` is set.
    @discardableResult
    public static func write(_ keys: CurveKeyPair, directory: String, name: String, overwrite: Bool = false) throws(CurveKeyError)
        -> Written
    {
        guard isValidName(name) else { throw .badName(name) }
        let folder = URL(fileURLWithPath: directory, isDirectory: true)
        let written = Written(
            publicKey: folder.appendingPathComponent(name + ".key").path,
            secretKey: folder.appendingPathComponent(name + ".secret").path)
        if !overwrite {
            for path in [written.publicKey, written.secretKey] where FileManager.default.fileExists(atPath: path) {
                throw .exists(path: path)
            }
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .unwritable(path: directory, reason: (error as NSError).localizedDescription)
        }
        try store("# CURVE secret key: keep private\n\(keys.secretKey)\n", at: written.secretKey, mode: 0o600, overwrite: overwrite)
        try store("# CURVE public key\n\(keys.publicKey)\n", at: written.publicKey, mode: 0o644, overwrite: overwrite)
        return written
    }

    /// Whether `name` can name a key file: 1–64 characters of `a-z A-Z 0-9 . _ -`, not starting with a dot.
    public static func isValidName(_ name: String) -> Bool {
        guard let first = name.utf8.first, first != UInt8(ascii: "."), name.utf8.count <= 64 else { return false }
        return name.utf8.allSatisfy { byte in
            (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
    }

    /// Creates (or, with `overwrite`, truncates) `path` with `mode` and writes `text`; the mode is set on the
    /// open descriptor, so a secret is never readable by others, not even for a moment.
    private static func store(_ text: String, at path: String, mode: mode_t, overwrite: Bool) throws(CurveKeyError) {
        let flags = O_WRONLY | O_CREAT | O_CLOEXEC | (overwrite ? O_TRUNC : O_EXCL)
        let fd = open(path, flags, mode)
        guard fd >= 0 else {
            if errno == EEXIST { throw .exists(path: path) }
            throw .unwritable(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(fd) }
        guard fchmod(fd, mode) == 0 else { throw .unwritable(path: path, reason: String(cString: strerror(errno))) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count, fsync(fd) == 0 else {
            throw .unwritable(path: path, reason: String(cString: strerror(errno)))
        }
    }
}
