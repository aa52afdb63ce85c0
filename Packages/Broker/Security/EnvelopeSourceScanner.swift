/// Finds the top-level `"source"` of a CloudEvents JSON envelope without decoding the envelope: one pass
/// over the top-level object, skipping every other value (nested objects, arrays and strings included)
/// without allocating. It reads the whole top level, so a second `"source"` key — which decoders resolve
/// differently — is reported instead of being missed. It is not a JSON validator: services validate
/// payloads against the contracts.
enum EnvelopeSourceScanner {
    /// What the scan found.
    enum Finding: Equatable {
        /// The source's bytes are `payload[range]` (a string without escapes).
        case source(Range<Int>)
        /// The source, with its escapes decoded.
        case decodedSource([UInt8])
        /// No top-level `source` key.
        case missing
        /// `source` is there but not a string.
        case notAString
        /// `source` appears more than once.
        case duplicate
        /// Not a JSON object (or broken before its end).
        case malformed
    }

    private static let sourceKey = Array("source".utf8)

    static func scan(_ json: UnsafeRawBufferPointer) -> Finding {
        var reader = Reader(bytes: json)
        reader.skipSpace()
        guard reader.take(UInt8(ascii: "{")) else { return .malformed }
        reader.skipSpace()
        if reader.take(UInt8(ascii: "}")) { return .missing }
        var found: Finding?
        while true {
            reader.skipSpace()
            guard let key = reader.string() else { return .malformed }
            reader.skipSpace()
            guard reader.take(UInt8(ascii: ":")) else { return .malformed }
            reader.skipSpace()
            if reader.matches(key, sourceKey) {
                guard found == nil else { return .duplicate }
                if reader.peek == UInt8(ascii: "\"") {
                    guard let value = reader.string() else { return .malformed }
                    if value.escaped {
                        guard let decoded = reader.decode(value.range) else { return .malformed }
                        found = .decodedSource(decoded)
                    } else {
                        found = .source(value.range)
                    }
                } else {
                    guard reader.skipValue() else { return .malformed }
                    found = .notAString
                }
            } else {
                guard reader.skipValue() else { return .malformed }
            }
            reader.skipSpace()
            if reader.take(UInt8(ascii: ",")) { continue }
            guard reader.take(UInt8(ascii: "}")) else { return .malformed }
            return found ?? .missing
        }
    }

    /// A cursor over the payload's bytes.
    private struct Reader {
        let bytes: UnsafeRawBufferPointer
        var index = 0

        var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func take(_ byte: UInt8) -> Bool {
            guard peek == byte else { return false }
            index += 1
            return true
        }

        mutating func skipSpace() {
            while let byte = peek, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
        }

        /// Reads a string at the cursor: the range between its quotes and whether it holds escapes.
        mutating func string() -> (range: Range<Int>, escaped: Bool)? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = index
            var escaped = false
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    index += 1
                    return (start..<index - 1, escaped)
                }
                if byte < 0x20 { return nil }
                if byte == UInt8(ascii: "\\") {
                    escaped = true
                    index += 2
                } else {
                    index += 1
                }
            }
            return nil
        }

        /// Skips one value: a string, an object or array (tracking depth, strings included), or a scalar.
        mutating func skipValue() -> Bool {
            guard let first = peek else { return false }
            if first == UInt8(ascii: "\"") { return string() != nil }
            if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") {
                var depth = 0
                while let byte = peek {
                    switch byte {
                    case UInt8(ascii: "\""):
                        guard string() != nil else { return false }
                        continue
                    case UInt8(ascii: "{"), UInt8(ascii: "["):
                        depth += 1
                    case UInt8(ascii: "}"), UInt8(ascii: "]"):
                        depth -= 1
                    default:
                        break
                    }
                    index += 1
                    if depth == 0 { return true }
                }
                return false
            }
            let start = index
            while let byte = peek, byte != UInt8(ascii: ","), byte != UInt8(ascii: "}"), byte != UInt8(ascii: "]"),
                byte != 0x20, byte != 0x0A, byte != 0x0D, byte != 0x09
            {
                index += 1
            }
            return index > start
        }

        /// Whether the key string read as `key` is `expected` (escapes decoded first).
        func matches(_ key: (range: Range<Int>, escaped: Bool), _ expected: [UInt8]) -> Bool {
            if !key.escaped { return bytes[key.range].elementsEqual(expected) }
            return decode(key.range) == expected
        }

        /// The UTF-8 bytes of a string's content with its escapes decoded, or `nil` for a bad escape.
        func decode(_ range: Range<Int>) -> [UInt8]? {
            var output: [UInt8] = []
            var position = range.lowerBound
            while position < range.upperBound {
                let byte = bytes[position]
                position += 1
                guard byte == UInt8(ascii: "\\") else {
                    output.append(byte)
                    continue
                }
                guard position < range.upperBound else { return nil }
                let escape = bytes[position]
                position += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): output.append(escape)
                case UInt8(ascii: "b"): output.append(0x08)
                case UInt8(ascii: "f"): output.append(0x0C)
                case UInt8(ascii: "n"): output.append(0x0A)
                case UInt8(ascii: "r"): output.append(0x0D)
                case UInt8(ascii: "t"): output.append(0x09)
                case UInt8(ascii: "u"):
                    guard var scalar = hex4(at: position, end: range.upperBound) else { return nil }
                    position += 4
                    if (0xD800..<0xDC00).contains(scalar) {
                        guard position + 6 <= range.upperBound, bytes[position] == UInt8(ascii: "\\"),
                            bytes[position + 1] == UInt8(ascii: "u"), let low = hex4(at: position + 2, end: range.upperBound),
                            (0xDC00..<0xE000).contains(low)
                        else { return nil }
                        position += 6
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let unicode = Unicode.Scalar(scalar) else { return nil }
                    output.append(contentsOf: String(Character(unicode)).utf8)
                default:
                    return nil
                }
            }
            return output
        }

        private func hex4(at position: Int, end: Int) -> UInt32? {
            guard position + 4 <= end else { return nil }
            var value: UInt32 = 0
            for offset in 0..<4 {
                let byte = bytes[position + offset]
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
                default: return nil
                }
                value = value << 4 | UInt32(digit)
            }
            return value
        }
    }
}
