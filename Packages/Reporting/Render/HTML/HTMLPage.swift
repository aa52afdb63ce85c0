/// A self-contained HTML page built in order: headings, paragraphs, tables and inline SVG charts. All text is
/// escaped; only chart SVG built by this module is inserted as markup.
public struct HTMLPage: Sendable {
    private var title: String
    private var parts: [String] = []

    /// A page titled `title` (also its first heading).
    public init(title: String) {
        self.title = title
        parts.append("<h1>\(XMLText.escape(title))</h1>")
    }

    public mutating func heading(_ text: String) { parts.append("<h2>\(XMLText.escape(text))</h2>") }

    public mutating func paragraph(_ text: String) { parts.append("<p>\(XMLText.escape(text))</p>") }

    /// A table with a header row; an empty table says "none".
    public mutating func table(_ headers: [String], _ rows: [[String]]) {
        guard !rows.isEmpty else {
            parts.append("<p class=\"empty\">none</p>")
            return
        }
        var html = "<table><thead><tr>" + headers.map { "<th>\(XMLText.escape($0))</th>" }.joined() + "</tr></thead><tbody>"
        for row in rows { html += "<tr>" + row.map { "<td>\(XMLText.escape($0))</td>" }.joined() + "</tr>" }
        parts.append(html + "</tbody></table>")
    }

    /// An SVG chart from ``SVGCanvas``.
    public mutating func chart(_ svg: String) { parts.append("<figure>\(svg)</figure>") }

    /// The document.
    public func html() -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>\(XMLText.escape(title))</title>
        <style>body{font-family:sans-serif;margin:2em;max-width:1100px}table{border-collapse:collapse;margin:.5em 0}\
        td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}th{background:#f3f3f3}figure{margin:1em 0}\
        .empty{color:#777}</style></head><body>
        \(parts.joined(separator: "\n"))
        </body></html>

        """
    }
}
