import CLibXML2

/// Line and column of the start tag the parser is reporting.
///
/// When libxml2 reports a start tag its input points at the tag's `>`; the position of its `<` is found by
/// looking back at most a few KB for a `<` followed by the element's name.
enum StartTagPosition {
    private static let lookBehind = 16_384

    /// The position of the current start tag of the element named `name` (NUL-terminated), or the
    /// parser's position when the tag cannot be found (an element the parser implied, say).
    static func current(in context: htmlParserCtxtPtr, name: UnsafePointer<xmlChar>) -> (line: Int, column: Int) {
        guard let input = context.pointee.input else { return (1, 1) }
        var line = Int(input.pointee.line)
        var column = Int(input.pointee.col)
        guard let cur = input.pointee.cur, let base = input.pointee.base else { return (line, column) }
        let floor = max(base, cur - lookBehind)
        var cursor = cur
        var newlines = 0
        while cursor > floor, cursor.pointee != UInt8(ascii: "<") {
            // Tags with long attributes are passed over eight bytes at a time.
            if cursor - 8 > floor {
                let word = ByteWord.load(cursor - 7)
                if !ByteWord.contains(word, UInt8(ascii: "<")), !ByteWord.contains(word, UInt8(ascii: "\n")) {
                    cursor -= 8
                    continue
                }
            }
            if cursor.pointee == UInt8(ascii: "\n") { newlines += 1 }
            cursor -= 1
        }
        if cursor.pointee == UInt8(ascii: "<"), startsWithName(cursor + 1, name) {
            line -= newlines
            if newlines == 0 {
                column -= cur - cursor
            } else {
                var start = cursor
                while start > floor, (start - 1).pointee != UInt8(ascii: "\n") { start -= 1 }
                column = cursor - start + 1
            }
        }
        return (line, column)
    }

    private static func startsWithName(_ text: UnsafePointer<xmlChar>, _ name: UnsafePointer<xmlChar>) -> Bool {
        var index = 0
        while name[index] != 0 {
            let byte = text[index]
            let lower = byte >= 65 && byte <= 90 ? byte + 32 : byte
            if lower != name[index] { return false }
            index += 1
        }
        return true
    }
}
