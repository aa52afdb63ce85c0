/// A value that is a piece of text: an id or a role name. On the wire it is a plain JSON string (the
/// standard library's `Codable` for `RawRepresentable` types); it compares by its text and can be written
/// as a string literal.
public protocol StringIdentifier: RawRepresentable<String>, Sendable, Hashable, Codable, Comparable,
    ExpressibleByStringLiteral, CustomStringConvertible
{
    init(rawValue: String)
}

extension StringIdentifier {
    /// Wraps an identifier text.
    public init(_ rawValue: String) { self.init(rawValue: rawValue) }

    public init(stringLiteral value: String) { self.init(rawValue: value) }

    public var description: String { rawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
