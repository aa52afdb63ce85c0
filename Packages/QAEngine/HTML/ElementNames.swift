import CLibXML2

/// The distinct element names of one document, numbered in the order the parser first reports them, each
/// with the part the scanner plays it.
///
/// An element is named by what follows the first `:` of its tag (`<o:p>` is a `p`), as libxml2's tree named
/// it. The parser hands out one pointer per distinct tag, so a small cache keyed by that pointer answers
/// nearly every lookup without reading the tag.
struct ElementNames {
    /// What the scanner does with an element of a name.
    enum Kind: UInt8 { case other, link, image, html, title, meta, address, style, script }

    /// One number's name (for element paths) and kind.
    private(set) var names: [String] = []
    private(set) var kinds: [Kind] = []
    private var numbers = ByteStringSet(capacity: 64)
    private var cache = [Entry](repeating: Entry(tag: nil, number: 0, nameStart: 0), count: cacheSize)

    private struct Entry {
        var tag: UnsafePointer<xmlChar>?
        var number: Int32
        var nameStart: Int32
    }

    private static let cacheSize = 64

    /// The number of the element name in `tag` (a NUL-terminated tag name from the parser) and the offset
    /// at which that name starts in `tag`.
    mutating func number(of tag: UnsafePointer<xmlChar>) -> (number: Int32, nameStart: Int) {
        let slot = Int(bitPattern: UInt(bitPattern: tag) >> 4) & (Self.cacheSize - 1)
        if cache[slot].tag == tag { return (cache[slot].number, Int(cache[slot].nameStart)) }
        let start = Self.nameStart(tag)
        let name = UnsafeBufferPointer(start: tag + start, count: Int(xmlStrlen(tag + start)))
        let (index, inserted) = numbers.insert(name)
        if inserted {
            names.append(String(decoding: name, as: UTF8.self))
            kinds.append(Self.kind(of: name))
        }
        cache[slot] = Entry(tag: tag, number: Int32(index), nameStart: Int32(start))
        return (Int32(index), start)
    }

    /// Where the name starts: after the first `:`, unless the tag starts or ends with it or has none
    /// (libxml2's `xmlSplitQName`).
    private static func nameStart(_ tag: UnsafePointer<xmlChar>) -> Int {
        guard tag[0] != UInt8(ascii: ":") else { return 0 }
        var index = 0
        while tag[index] != 0 {
            if tag[index] == UInt8(ascii: ":") { return tag[index + 1] == 0 ? 0 : index + 1 }
            index += 1
        }
        return 0
    }

    private static func kind(of name: UnsafeBufferPointer<UInt8>) -> Kind {
        switch String(decoding: name, as: UTF8.self) {
        case "a": .link
        case "img": .image
        case "html": .html
        case "title": .title
        case "meta": .meta
        case "address": .address
        case "style": .style
        case "script": .script
        default: .other
        }
    }
}
