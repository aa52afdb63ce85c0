/// Finds unresolved merge tags in text: `{{name}}`, `*|NAME|*`, `%%name%%` and `[[name]]`.
///
/// A tag's inside is 1–80 bytes with no line break or `<`/`>`; `%%…%%` must look like a field name, so
/// `50%% off` style text is not a tag.
enum MergeTagScanner {
    private static let delimiters: [(open: (UInt8, UInt8), close: (UInt8, UInt8))] = [
        ((123, 123), (125, 125)),  // {{ }}
        ((42, 124), (124, 42)),  // *| |*
        ((37, 37), (37, 37)),  // %% %%
        ((91, 91), (93, 93)),  // [[ ]]
    ]

    /// Byte ranges of every tag in `text`, delimiters included.
    static func tags(in text: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var index = 0
        while index + 1 < text.count {
            // Most text holds no opening byte at all: eight bytes without one are skipped at once.
            if index + 8 <= text.count, let base = text.baseAddress {
                let word = ByteWord.load(base + index)
                if !ByteWord.contains(word, 123), !ByteWord.contains(word, 42), !ByteWord.contains(word, 37),
                    !ByteWord.contains(word, 91)
                {
                    index += 8
                    continue
                }
            }
            let byte = text[index]
            guard byte == 123 || byte == 42 || byte == 37 || byte == 91 else {
                index += 1
                continue
            }
            guard let kind = delimiters.firstIndex(where: { $0.open == (text[index], text[index + 1]) }),
                let end = closing(kind, in: text, after: index + 2)
            else {
                index += 1
                continue
            }
            found.append(index..<end)
            index = end
        }
        return found
    }

    /// The tags in `string`, as strings.
    static func tags(in string: String) -> [String] {
        var copy = string
        return copy.withUTF8 { bytes in
            tags(in: bytes).map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
        }
    }

    private static func closing(_ kind: Int, in text: UnsafeBufferPointer<UInt8>, after start: Int) -> Int? {
        let close = delimiters[kind].close
        var index = start
        while index + 1 < text.count, index - start <= 80 {
            let byte = text[index]
            if byte == close.0, text[index + 1] == close.1 { return index > start ? index + 2 : nil }
            if byte == 10 || byte == 13 || byte == 60 || byte == 62 { return nil }
            if kind == 2, !(CSSScanner.isNameByte(byte) || byte == 46 || byte == 58) { return nil }
            index += 1
        }
        return nil
    }
}
