/// Why a CURVE key file could not be read or written; ``description`` is one sentence naming the file.
public enum CurveKeyError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case notAKey(path: String)
    case mismatchedPair(secretKeyPath: String, publicKeyPath: String)
    case exists(path: String)
    case unwritable(path: String, reason: String)
    case badName(String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "cannot read the key file \(path): \(reason)"
        case .notAKey(let path): "\(path) does not hold a CURVE key (one line of 40 Z85 characters)"
        case .mismatchedPair(let secret, let key): "the public key in \(key) does not belong to the secret key in \(secret)"
        case .exists(let path): "\(path) already exists; use --force to replace it"
        case .unwritable(let path, let reason): "cannot write \(path): \(reason)"
        case .badName(let name): "\"\(name)\" cannot name a key: use 1-64 letters, digits, '.', '_' or '-', not starting with '.'"
        }
    }
}
