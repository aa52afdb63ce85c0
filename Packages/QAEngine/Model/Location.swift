/// Where a finding is. Wire keys: `line`, `column`, `path` (each omitted when unknown).
///
/// In HTML, `line`/`column` point at the element's start tag (1-based) and `path` is the element path
/// (`html>body>table[2]>tr>td>a`, an index only where siblings share the name). Outside HTML, `path`
/// names the part checked (`subject`, `text/plain`, a CSV column) and `line` the line or CSV record.
public struct Location: Sendable, Hashable, Codable {
    /// 1-based line, if known.
    public var line: Int?
    /// 1-based column, if known.
    public var column: Int?
    /// Element path or the name of the checked part.
    public var path: String?

    /// Creates a location.
    public init(line: Int? = nil, column: Int? = nil, path: String? = nil) {
        self.line = line
        self.column = column
        self.path = path
    }

    private enum CodingKeys: String, CodingKey {
        case line
        case column
        case path
    }
}
