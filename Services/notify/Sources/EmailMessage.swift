import Foundation

/// An RFC 5322 message as sent over SMTP: headers (`Date`, `Message-ID`, `From`, `To`, `Subject` — encoded
/// as RFC 2047 `=?UTF-8?B?…?=` words when not ASCII — `MIME-Version`, `Content-Type`,
/// `Content-Transfer-Encoding`) and a UTF-8 plain-text body, lines ending in CRLF.
public struct EmailMessage: Sendable, Hashable {
    public var from: String
    public var to: String
    public var subject: String
    public var body: String
    public var date: Date
    public var messageID: String

    public init(from: String, to: String, subject: String, body: String, date: Date, messageID: String) {
        self.from = from
        self.to = to
        self.subject = subject
        self.body = body
        self.date = date
        self.messageID = messageID
    }

    /// The bare address of `from` (`a@b` in `Name <a@b>`), for `MAIL FROM`.
    public var envelopeFrom: String { Self.address(in: from) }

    /// The whole message, CRLF line endings, not yet dot-stuffed.
    public func rendered() -> String {
        let ascii = body.unicodeScalars.allSatisfy(\.isASCII)
        let headers = [
            "Date: \(Self.rfc5322Date(date))",
            "Message-ID: <\(messageID)>",
            "From: \(from)",
            "To: \(to)",
            "Subject: \(Self.encodedWord(subject))",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: \(ascii ? "7bit" : "8bit")",
        ]
        let lines = body.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        return (headers + [""] + lines.map(String.init)).joined(separator: "\r\n") + "\r\n"
    }

    /// `text` as is when printable ASCII, else RFC 2047 B-encoded UTF-8 words of at most 75 characters each,
    /// split between characters, folded onto continuation lines.
    public static func encodedWord(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 0x20 && $0.value != 0x7F }) { return text }
        var words: [String] = []
        var chunk = ""
        for character in text {
            let candidate = chunk + String(character)
            if Data(candidate.utf8).base64EncodedString().count > 75 - 12, !chunk.isEmpty {
                words.append(chunk)
                chunk = String(character)
            } else {
                chunk = candidate
            }
        }
        if !chunk.isEmpty { words.append(chunk) }
        return words.map { "=?UTF-8?B?\(Data($0.utf8).base64EncodedString())?=" }.joined(separator: "\r\n ")
    }

    /// `Tue, 24 Nov 2026 09:00:00 +0000`.
    static func rfc5322Date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 0)
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }

    static func address(in mailbox: String) -> String {
        guard let open = mailbox.lastIndex(of: "<"), let close = mailbox.lastIndex(of: ">"), open < close else {
            return mailbox.trimmingCharacters(in: .whitespaces)
        }
        return String(mailbox[mailbox.index(after: open)..<close])
    }

    /// `data` dot-stuffed for SMTP `DATA` (RFC 5321 4.5.2: a line starting with `.` gets another) and ended
    /// with the `CRLF.CRLF` terminator.
    public static func dotStuffed(_ data: String) -> String {
        var lines = data.components(separatedBy: "\r\n")
        if lines.last == "" { lines.removeLast() }
        return lines.map { $0.hasPrefix(".") ? "." + $0 : $0 }.joined(separator: "\r\n") + "\r\n.\r\n"
    }
}
