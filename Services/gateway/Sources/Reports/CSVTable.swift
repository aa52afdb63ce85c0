import Foundation

/// An RFC 4180 CSV document: CRLF line ends, fields holding `,`, `"`, CR or LF quoted with quotes doubled. A cell
/// starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'`, so a spreadsheet never runs it as a formula.
struct CSVTable: Sendable, Equatable {
    var header: [String]
    var rows: [[String]]

    /// The CSV text.
    var text: String {
        ([header] + rows).map { $0.map(Self.cell).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// One field, guarded and quoted as needed.
    static func cell(_ value: String) -> String {
        var value = value
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
