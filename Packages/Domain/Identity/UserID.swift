import Foundation

/// Identifies a person (requester, specialist, reviewer, approver). Assigned by the gateway, never generated here.
///
/// On the wire it is a plain JSON string, e.g. `"ana.lopez"`.
public struct UserID: RawRepresentable, Sendable, Hashable, Codable, Comparable, ExpressibleByStringLiteral,
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
