import Foundation

/// Reads a suppression list (unsubscribed, bounced or complained addresses) as a stream, in either form:
/// - a plain list: one address per line; blank lines and lines starting with `#` are skipped;
/// - a CSV export with a header naming an email column (``emailColumns``, case-insensitive), as ESPs export.
///
/// The first line that is neither blank nor a comment decides: a line with a comma or a quote, or one that is
/// just an email column's name, is a CSV header. Memory is bounded per line (lines and fields over 64 KB are
/// reported, not kept); a line that gives no valid address is reported through `problem` and skipped.
///
/// ```swift
/// var addresses: [String] = []
/// try SuppressionList.read(handle) { addresses.append($0) } problem: { print($0) }
/// policy.suppress(addresses, reason: .unsubscribed)
/// ```
public enum SuppressionList {
    /// A line that gave no address, and why.
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        /// The line the record starts on (the file's first line is 1).
        public var line: Int
        /// What is wrong with it, as a phrase.
        public var reason: String

        /// `line 7: "ann(at)example.com" is not an email address`.
        public var description: String { "line \(line): \(reason)" }
    }

    /// The file cannot be read as a suppression list at all: a CSV header without an email column.
    public struct Unusable: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// The header names (compared lower-cased and trimmed) that mark the address column of a CSV export.
    public static let emailColumns = ["email", "email address", "e-mail"]

    /// Reads `input` to its end in 64 KB chunks, calling `address` for each address and `problem` for each
    /// line that gives none. Throws ``Unusable``, a read error, or what the closures throw.
    public static func read(
        _ input: FileHandle, address: (String) throws -> Void, problem: (Problem) throws -> Void
    ) throws {
        var reader = SuppressionListReader()
        while let chunk = try input.read(upToCount: 65_536), !chunk.isEmpty {
            try chunk.withUnsafeBytes { bytes in
                try reader.feed(bytes.assumingMemoryBound(to: UInt8.self)) { try deliver($0, address, problem) }
            }
        }
        try reader.finish { try deliver($0, address, problem) }
    }

    /// Reads an in-memory list, as the `FileHandle` version does.
    public static func read(
        _ data: Data, address: (String) throws -> Void, problem: (Problem) throws -> Void
    ) throws {
        var reader = SuppressionListReader()
        try data.withUnsafeBytes { bytes in
            try reader.feed(bytes.assumingMemoryBound(to: UInt8.self)) { try deliver($0, address, problem) }
        }
        try reader.finish { try deliver($0, address, problem) }
    }

    private static func deliver(
        _ item: SuppressionListReader.Item, _ address: (String) throws -> Void, _ problem: (Problem) throws -> Void
    ) throws {
        switch item {
        case let .address(text): try address(text)
        case let .problem(found): try problem(found)
        }
    }
}
