/// A tolerant CSS tokenizer just deep enough for QA: it reports declarations (`property: value`) and at-rules
/// (`@media (…)`) of a style sheet or a `style` attribute, skipping comments and strings. It never fails.
enum CSSScanner {
    /// One thing found in CSS.
    enum Event {
        /// `property: value` (both trimmed).
        case declaration(property: UnsafeBufferPointer<UInt8>, value: UnsafeBufferPointer<UInt8>)
        /// `@name prelude` (name without `@`, prelude trimmed).
        case atRule(name: UnsafeBufferPointer<UInt8>, prelude: UnsafeBufferPointer<UInt8>)
    }

    /// Calls `body` for each declaration and at-rule in `css`, in order.
    static func scan(_ css: UnsafeBufferPointer<UInt8>, _ body: (Event) -> Void) {
        guard let base = css.baseAddress else { return }
        var start = 0
        var index = 0
        while index < css.count {
            switch css[index] {
            case UInt8(ascii: "/") where index + 1 < css.count && css[index + 1] == UInt8(ascii: "*"):
                index = skipComment(css, from: index + 2)
                continue
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                index = skipString(css, from: index)
                continue
            case UInt8(ascii: "{"), UInt8(ascii: ";"), UInt8(ascii: "}"):
                emit(UnsafeBufferPointer(start: base + start, count: index - start), endsBlockStart: css[index] == UInt8(ascii: "{"), body)
                start = index + 1
            default:
                break
            }
            index += 1
        }
        emit(UnsafeBufferPointer(start: base + start, count: css.count - start), endsBlockStart: false, body)
    }

    private static func emit(_ raw: UnsafeBufferPointer<UInt8>, endsBlockStart: Bool, _ body: (Event) -> Void) {
        let segment = trimmed(raw)
        guard let first = segment.first else { return }
        if first == UInt8(ascii: "@") {
            var end = 1
            while end < segment.count, isNameByte(segment[end]) { end += 1 }
            let name = UnsafeBufferPointer(rebasing: segment[1..<end])
            body(.atRule(name: name, prelude: trimmed(UnsafeBufferPointer(rebasing: segment[end...]))))
        } else if !endsBlockStart, let colon = segment.firstIndex(of: UInt8(ascii: ":")) {
            let property = trimmed(UnsafeBufferPointer(rebasing: segment[..<colon]))
            guard !property.isEmpty, property.allSatisfy(isNameByte) else { return }
            body(.declaration(property: property, value: trimmed(UnsafeBufferPointer(rebasing: segment[(colon + 1)...]))))
        }
    }

    /// Letters, digits, `-` and `_`: the bytes of a CSS identifier as far as QA cares.
    static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90) || (byte >= 48 && byte <= 57) || byte == 45
            || byte == 95
    }

    private static func skipComment(_ css: UnsafeBufferPointer<UInt8>, from index: Int) -> Int {
        var index = index
        while index + 1 < css.count {
            if css[index] == UInt8(ascii: "*"), css[index + 1] == UInt8(ascii: "/") { return index + 2 }
            index += 1
        }
        return css.count
    }

    private static func skipString(_ css: UnsafeBufferPointer<UInt8>, from index: Int) -> Int {
        let quote = css[index]
        var index = index + 1
        while index < css.count, css[index] != quote, css[index] != 10 {
            index += css[index] == UInt8(ascii: "\\") ? 2 : 1
        }
        return min(index + 1, css.count)
    }

    private static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var lower = 0
        var upper = bytes.count
        while lower < upper {
            if TextNormalizer.isSpace(bytes[lower]) {
                lower += 1
            } else if bytes[lower] == UInt8(ascii: "/"), lower + 1 < upper, bytes[lower + 1] == UInt8(ascii: "*") {
                lower = min(skipComment(bytes, from: lower + 2), upper)
            } else {
                break
            }
        }
        while upper > lower, TextNormalizer.isSpace(bytes[upper - 1]) { upper -= 1 }
        return UnsafeBufferPointer(rebasing: bytes[lower..<upper])
    }
}
