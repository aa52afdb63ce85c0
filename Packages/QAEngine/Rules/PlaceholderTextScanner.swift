/// Finds leftover filler in text: "lorem ipsum" (any case) and the words TODO, FIXME, TBD (upper case).
enum PlaceholderTextScanner {
    private static let lorem = Array("lorem ipsum".utf8)
    private static let words = ["TODO", "FIXME", "TBD"].map { Array($0.utf8) }

    /// The first filler in `text`, as written, or nil.
    static func firstPlaceholder(in text: UnsafeBufferPointer<UInt8>) -> String? {
        var index = 0
        while index < text.count {
            let byte = text[index]
            if byte | 0x20 == UInt8(ascii: "l"), matches(lorem, in: text, at: index, ignoringCase: true) {
                return "lorem ipsum"
            }
            if byte >= 65, byte <= 90, index == 0 || !isWordByte(text[index - 1]) {
                for word in words where matches(word, in: text, at: index, ignoringCase: false) {
                    let end = index + word.count
                    if end == text.count || !isWordByte(text[end]) { return String(decoding: word, as: UTF8.self) }
                }
            }
            index += 1
        }
        return nil
    }

    /// The first filler in `string`, or nil.
    static func firstPlaceholder(in string: String) -> String? {
        var copy = string
        return copy.withUTF8 { firstPlaceholder(in: $0) }
    }

    private static func matches(_ word: [UInt8], in text: UnsafeBufferPointer<UInt8>, at index: Int, ignoringCase: Bool)
        -> Bool
    {
        guard index + word.count <= text.count else { return false }
        for offset in word.indices {
            let byte = text[index + offset]
            if (ignoringCase ? byte | 0x20 : byte) != word[offset] { return false }
        }
        return true
    }

    private static func isWordByte(_ byte: UInt8) -> Bool { CSSScanner.isNameByte(byte) || byte >= 0x80 }
}
