import CLibXML2

/// Line and column of an element's start tag, stored by the parser in the node's unused `psvi` pointer.
///
/// libxml2 keeps only a (16-bit) line per node, so a SAX hook records both when the start tag is read:
/// the input then points at the tag's `>`; the position of its `<` is found by looking back at most a few KB.
enum StartTagPosition {
    private static let lookBehind = 16_384

    /// Stores the current start tag's position on the node libxml2 just created.
    static func record(in rawContext: UnsafeMutableRawPointer?) {
        guard let context = rawContext?.assumingMemoryBound(to: xmlParserCtxt.self),
            let node = context.pointee.node, let input = context.pointee.input,
            let cur = input.pointee.cur, let base = input.pointee.base
        else { return }
        var line = Int(input.pointee.line)
        var column = Int(input.pointee.col)
        let floor = max(base, cur - lookBehind)
        var cursor = cur
        var newlines = 0
        while cursor > floor, cursor.pointee != UInt8(ascii: "<") {
            if cursor.pointee == UInt8(ascii: "\n") { newlines += 1 }
            cursor -= 1
        }
        if cursor.pointee == UInt8(ascii: "<"), startsWithName(cursor + 1, node.pointee.name) {
            line -= newlines
            if newlines == 0 {
                column -= cur - cursor
            } else {
                var start = cursor
                while start > floor, (start - 1).pointee != UInt8(ascii: "\n") { start -= 1 }
                column = cursor - start + 1
            }
        }
        node.pointee.psvi = UnsafeMutableRawPointer(bitPattern: max(line, 1) << 24 | (max(column, 1) & 0xFF_FFFF))
    }

    /// The recorded (line, column) of `node`, or libxml2's line and column 1 for nodes the hook did not see.
    static func of(_ node: xmlNodePtr) -> (line: Int, column: Int) {
        if node.pointee.type == XML_ELEMENT_NODE, let stored = node.pointee.psvi {
            let bits = Int(bitPattern: stored)
            return (bits >> 24, bits & 0xFF_FFFF)
        }
        return (Int(xmlGetLineNo(node)), 1)
    }

    private static func startsWithName(_ text: UnsafePointer<xmlChar>, _ name: UnsafePointer<xmlChar>?) -> Bool {
        guard let name else { return false }
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
