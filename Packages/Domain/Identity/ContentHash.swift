import Foundation

/// The content hash of one exact document version (e.g. hex SHA-256), computed by the caller.
/// Approvals and QA verdicts are bound to it: a new hash means a new version.
///
/// On the wire it is a plain JSON string, e.g. `"sha256:9f86d08..."`.
public struct ContentHash: StringIdentifier {
    /// The identifier text.
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
}
