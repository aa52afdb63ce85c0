/// One SMTP reply: a three-digit code and its text lines (`250-first`, `250 last`).
public struct SMTPReply: Sendable, Hashable {
    public var code: Int
    public var lines: [String]

    /// 2xx and 3xx.
    public var isPositive: Bool { (200..<400).contains(code) }
    /// 5xx: the server refuses for good.
    public var isPermanentFailure: Bool { (500..<600).contains(code) }

    /// Reads one reply off the front of `lines` (CRLF already removed); returns nil until its last line
    /// (`ddd ` or bare `ddd`) is there, and throws on a line that is not a reply line.
    static func take(from lines: inout [String]) throws -> SMTPReply? {
        var text: [String] = []
        for (index, line) in lines.enumerated() {
            let bytes = Array(line.utf8)
            guard bytes.count >= 3, let code = Int(String(decoding: bytes[0..<3], as: UTF8.self)), (200..<600).contains(code),
                bytes.count == 3 || bytes[3] == UInt8(ascii: " ") || bytes[3] == UInt8(ascii: "-")
            else { throw DeliveryFailure("SMTP server sent a line that is not a reply: \(line.prefix(80))") }
            text.append(bytes.count > 4 ? String(decoding: bytes[4...], as: UTF8.self) : "")
            if bytes.count == 3 || bytes[3] == UInt8(ascii: " ") {
                lines.removeFirst(index + 1)
                return SMTPReply(code: code, lines: text)
            }
        }
        return nil
    }

    /// The EHLO keywords (`STARTTLS`, `AUTH PLAIN LOGIN`, …), upper-cased, from the lines after the greeting.
    var extensions: [String] { lines.dropFirst().map { $0.uppercased() } }

    /// Whether the EHLO reply offers `AUTH` with `mechanism`.
    func offersAuth(_ mechanism: String) -> Bool {
        extensions.contains { line in
            let words = line.split(separator: " ")
            return (words.first == "AUTH" || words.first == "AUTH=") && words.dropFirst().contains(Substring(mechanism))
        }
    }
}
