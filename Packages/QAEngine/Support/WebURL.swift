import Foundation

/// The parts of an absolute URL the rules read: scheme, host and path.
///
/// Plain URLs (`scheme://host[:port]/path?query#fragment` in printable ASCII, no user info, no IPv6 literal,
/// no percent-escape before the query) are split at byte level; anything else goes to Foundation's
/// `URLComponents`, so unusual input is judged exactly as before.
struct WebURL: Equatable {
    /// As written (callers lower-case it).
    var scheme: String?
    var host: String?
    /// Percent-decoded, as `URLComponents.path`.
    var path: String

    /// The parts of `string`, or nil when it is not a URL at all.
    static func parse(_ string: String) -> WebURL? {
        var copy = string
        if let fast = copy.withUTF8({ fastParse($0) }) { return fast }
        guard let url = URLComponents(string: string) else { return nil }
        return WebURL(scheme: url.scheme, host: url.host, path: url.path)
    }

    /// The byte-level split, or nil when the URL is not plain enough for it.
    static func fastParse(_ bytes: UnsafeBufferPointer<UInt8>) -> WebURL? {
        var colon = -1
        for index in bytes.indices {
            let byte = bytes[index]
            guard byte > 0x20, byte < 0x7F else { return nil }
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\\"), UInt8(ascii: "^"),
                UInt8(ascii: "`"), UInt8(ascii: "{"), UInt8(ascii: "|"), UInt8(ascii: "}"), UInt8(ascii: "["),
                UInt8(ascii: "]"):
                return nil
            case UInt8(ascii: ":") where colon < 0:
                colon = index
            default:
                break
            }
        }
        guard colon > 0, colon + 2 < bytes.count, bytes[colon + 1] == UInt8(ascii: "/"),
            bytes[colon + 2] == UInt8(ascii: "/"), isAlpha(bytes[0])
        else { return nil }
        for index in 1..<colon {
            let byte = bytes[index]
            guard isAlpha(byte) || (byte >= 48 && byte <= 57) || byte == 43 || byte == 45 || byte == 46 else { return nil }
        }
        let authorityStart = colon + 3
        var authorityEnd = authorityStart
        while authorityEnd < bytes.count, !isDelimiter(bytes[authorityEnd]) {
            let byte = bytes[authorityEnd]
            if byte == UInt8(ascii: "@") || byte == UInt8(ascii: "%") { return nil }
            authorityEnd += 1
        }
        var hostEnd = authorityStart
        while hostEnd < authorityEnd, bytes[hostEnd] != UInt8(ascii: ":") { hostEnd += 1 }
        if hostEnd < authorityEnd {
            guard hostEnd + 1 < authorityEnd else { return nil }
            for index in (hostEnd + 1)..<authorityEnd where !(bytes[index] >= 48 && bytes[index] <= 57) { return nil }
        }
        var pathEnd = authorityEnd
        while pathEnd < bytes.count, bytes[pathEnd] != UInt8(ascii: "?"), bytes[pathEnd] != UInt8(ascii: "#") {
            if bytes[pathEnd] == UInt8(ascii: "%") { return nil }
            pathEnd += 1
        }
        return WebURL(
            scheme: String(decoding: UnsafeBufferPointer(rebasing: bytes[..<colon]), as: UTF8.self),
            host: String(decoding: UnsafeBufferPointer(rebasing: bytes[authorityStart..<hostEnd]), as: UTF8.self),
            path: String(decoding: UnsafeBufferPointer(rebasing: bytes[authorityEnd..<pathEnd]), as: UTF8.self))
    }

    private static func isAlpha(_ byte: UInt8) -> Bool { (byte | 0x20) >= 97 && (byte | 0x20) <= 122 }

    private static func isDelimiter(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#")
    }
}
