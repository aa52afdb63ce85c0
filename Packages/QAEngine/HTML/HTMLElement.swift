import CLibXML2

/// A borrowed view of one libxml2 element; valid only while its `HTMLDocument` lives.
///
/// Names and attribute values are compared as C strings, so walking a document allocates no Swift strings.
struct HTMLElement {
    let node: xmlNodePtr

    /// True when the (lower-cased by the parser) tag name is `name`.
    func isNamed(_ name: StaticString) -> Bool {
        guard let own = node.pointee.name else { return false }
        return xmlStrEqual(own, Self.xmlString(name)) != 0
    }

    /// The raw bytes of attribute `name`, or nil when absent. Entity-split values fall back to a copy.
    func withAttribute<R>(_ name: StaticString, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        var attribute = node.pointee.properties
        while let current = attribute {
            if let own = current.pointee.name, xmlStrcasecmp(own, Self.xmlString(name)) == 0 {
                let value = current.pointee.children
                if value == nil { return body(UnsafeBufferPointer(start: nil, count: 0)) }
                if let text = value, text.pointee.next == nil, let content = text.pointee.content {
                    return body(UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
                }
                guard let copy = xmlNodeListGetString(node.pointee.doc, value, 1) else {
                    return body(UnsafeBufferPointer(start: nil, count: 0))
                }
                defer { marquee_xml_free(copy) }
                return body(UnsafeBufferPointer(start: copy, count: Int(xmlStrlen(copy))))
            }
            attribute = current.pointee.next
        }
        return nil
    }

    /// Attribute `name` as a string, or nil when absent.
    func attribute(_ name: StaticString) -> String? {
        withAttribute(name) { String(decoding: $0, as: UTF8.self) }
    }

    /// The element's text with runs of white space collapsed to one space and trimmed.
    var text: String {
        guard let content = xmlNodeGetContent(node) else { return "" }
        defer { marquee_xml_free(content) }
        return TextNormalizer.collapsed(UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
    }

    private static func xmlString(_ name: StaticString) -> UnsafePointer<xmlChar> { name.utf8Start }
}
