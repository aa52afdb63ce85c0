import Foundation

/// The content hash of one exact document version (e.g. hex SHA-256), computed by the caller.
/// Approvals and QA verdicts are bound to it: a new hash means a new version.
///
/// On the wire it is a plain JSON string, e.g. `"sha256:9f86d08..."`.
public struct ContentHash: RawRepresentable, Sendable, Hashable, Codable, Comparable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    /// The identifier text.
    public var rawValue: String

    /// Wraps an identifier text.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// Wraps an identifier text.
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
