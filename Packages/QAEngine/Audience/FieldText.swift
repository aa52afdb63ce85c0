import Foundation

/// Trimming and lower-casing of UTF-8 field text: on bytes when the text is ASCII (nearly always), through
/// `String` otherwise, so non-ASCII white space and letters are treated exactly as Foundation treats them.
enum FieldText {
    /// What to trim from both ends.
    enum Trim {
        /// Spaces and tabs (`CharacterSet.whitespaces`).
        case whitespaces
        /// White space and line breaks (`CharacterSet.whitespacesAndNewlines`).
        case whitespacesAndNewlines
    }

    /// True when every byte of `text` is ASCII.
    static func isASCII(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = text.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var bits: UInt64 = 0
        var offset = 0
        while offset + 8 <= text.count {
            bits |= raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            offset += 8
        }
        while offset < text.count {
            bits |= UInt64(base[offset])
            offset += 1
        }
        return bits & 0x8080_8080_8080_8080 == 0
    }

    /// Calls `body` with `text` trimmed.
    static func withTrimmed<R>(_ text: UnsafeBufferPointer<UInt8>, _ trim: Trim, _ body: (UnsafeBufferPointer<UInt8>) -> R)
        -> R
    {
        guard isASCII(text) else {
            var trimmed = String(decoding: text, as: UTF8.self).trimmingCharacters(in: trim.characters)
            return trimmed.withUTF8(body)
        }
        var lower = 0
        var upper = text.count
        while lower < upper, trim.contains(text[lower]) { lower += 1 }
        while upper > lower, trim.contains(text[upper - 1]) { upper -= 1 }
        return body(UnsafeBufferPointer(rebasing: text[lower..<upper]))
    }

    /// Replaces the contents of `out` with `text` lower-cased and, unless `trim` is nil, trimmed.
    static func normalize(_ text: UnsafeBufferPointer<UInt8>, trimming trim: Trim?, into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        guard isASCII(text) else {
            let string = String(decoding: text, as: UTF8.self)
            out.append(contentsOf: (trim.map { string.trimmingCharacters(in: $0.characters) } ?? string).lowercased().utf8)
            return
        }
        if let trim { withTrimmed(text, trim) { out.append(contentsOf: $0) } } else { out.append(contentsOf: text) }
        out.withUnsafeMutableBufferPointer { bytes in
            for index in bytes.indices where bytes[index] &- 65 < 26 { bytes[index] += 32 }
        }
    }
}

extension FieldText.Trim {
    fileprivate var characters: CharacterSet {
        switch self {
        case .whitespaces: .whitespaces
        case .whitespacesAndNewlines: .whitespacesAndNewlines
        }
    }

    /// The ASCII members of `characters`.
    fileprivate func contains(_ byte: UInt8) -> Bool {
        switch self {
        case .whitespaces: byte == 0x20 || byte == 0x09
        case .whitespacesAndNewlines: byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
        }
    }
}
