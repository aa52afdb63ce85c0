import Domain
import Foundation

/// Writes CSV (RFC 4180): a header and rows; fields with commas, quotes or line breaks are quoted.
public struct CSVTable: Sendable {
    public var header: [String]
    public var rows: [[String]] = []

    /// A table with `header`.
    public init(header: [String]) {
        self.header = header
    }

    /// Appends a row.
    public mutating func append(_ row: [String]) { rows.append(row) }

    /// The CSV text, lines ending in CRLF.
    public func text() -> String {
        ([header] + rows).map { $0.map(Self.field).joined(separator: ",") + "\r\n" }.joined()
    }

    static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
