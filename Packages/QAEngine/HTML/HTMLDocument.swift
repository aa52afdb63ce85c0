import CLibXML2

/// An HTML document parsed by libxml2's forgiving HTML parser; the tree is freed with the value.
///
/// Elements carry their start-tag position (see `StartTagPosition`) and only the attributes the rules read
/// (see `RuleAttributes`); the parser never touches the network.
struct HTMLDocument: ~Copyable {
    private let doc: htmlDocPtr
    /// True when libxml2 gave up before the end (it stops at 256 levels of nesting); the tree is partial.
    let stoppedEarly: Bool

    /// Parses UTF-8 `bytes`; nil when libxml2 builds no tree at all (empty or unusable input).
    init?(utf8 bytes: UnsafeRawBufferPointer) {
        _ = Self.libraryReady
        guard let base = bytes.baseAddress, bytes.count > 0, bytes.count <= Int(Int32.max),
            let context = htmlNewParserCtxt()
        else { return nil }
        defer { htmlFreeParserCtxt(context) }
        context.pointee.sax.pointee.startDocument = { context in
            xmlSAX2StartDocument(context)
            Self.shareNames(context)
        }
        context.pointee.sax.pointee.startElement = { context, name, attributes in
            // Only the attributes the rules read are built into the tree (see `RuleAttributes`).
            RuleAttributes.withKept(attributes) { xmlSAX2StartElement(context, name, $0) }
            StartTagPosition.record(in: context)
        }
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOIMPLIED.rawValue | HTML_PARSE_COMPACT.rawValue)
        let chars = base.assumingMemoryBound(to: CChar.self)
        let parsed: htmlDocPtr?
        if Self.isPlainUTF8(bytes) {
            parsed = Self.parseUnconverted(chars, count: Int32(bytes.count), context: context, options: options)
        } else {
            parsed = htmlCtxtReadMemory(context, chars, Int32(bytes.count), nil, "UTF-8", options)
        }
        guard let doc = parsed else { return nil }
        self.doc = doc
        stoppedEarly = context.pointee.disableSAX != 0
    }

    /// True when libxml2's look at the first four bytes (a byte order mark, `<?xm`, or NULs that suggest
    /// UTF-16 or UCS-4) finds no encoding other than UTF-8, so declaring UTF-8 up front changes nothing.
    private static func isPlainUTF8(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard bytes.count >= 4 else { return true }
        let detected = xmlDetectCharEncoding(bytes.baseAddress!.assumingMemoryBound(to: UInt8.self), 4)
        return detected == XML_CHAR_ENCODING_NONE || detected == XML_CHAR_ENCODING_UTF8
    }

    /// `htmlCtxtReadMemory(context, chars, count, nil, "UTF-8", options)` without its second copy of the input:
    /// given an encoding by name, that call "converts" the whole input from UTF-8 to UTF-8 into a buffer twice
    /// its size (a plain copy, as Swift strings are valid UTF-8) before parsing. Here UTF-8 is declared the
    /// way `xmlSwitchEncoding` does for it, which needs no converter: the charset is UTF-8 (a byte order mark
    /// is skipped) and the input's encoding is set, so `<meta charset>` is ignored as before.
    private static func parseUnconverted(
        _ chars: UnsafePointer<CChar>, count: Int32, context: htmlParserCtxtPtr, options: Int32
    ) -> htmlDocPtr? {
        htmlCtxtReset(context)
        guard let buffer = xmlParserInputBufferCreateMem(chars, count, XML_CHAR_ENCODING_NONE) else { return nil }
        guard let stream = xmlNewIOInputStream(context, buffer, XML_CHAR_ENCODING_NONE) else {
            xmlFreeParserInputBuffer(buffer)
            return nil
        }
        guard inputPush(context, stream) >= 0 else {
            xmlFreeInputStream(stream)
            return nil
        }
        _ = htmlCtxtUseOptions(context, options)
        context.pointee.html = 1
        _ = xmlSwitchEncoding(context, XML_CHAR_ENCODING_UTF8)
        stream.pointee.encoding = UnsafePointer(xmlStrdup("UTF-8"))
        _ = htmlParseDocument(context)
        let doc = context.pointee.myDoc
        context.pointee.myDoc = nil
        return doc
    }

    deinit { xmlFreeDoc(doc) }

    /// Lets the new document keep element names (and short texts) in the parser's dictionary instead of a
    /// copy each, as libxml2 does for XML and lxml does for HTML; the document holds a reference to the
    /// dictionary, so freeing it knows which strings it does not own.
    private static func shareNames(_ rawContext: UnsafeMutableRawPointer?) {
        guard let context = rawContext?.assumingMemoryBound(to: xmlParserCtxt.self), let dictionary = context.pointee.dict,
            let document = context.pointee.myDoc, document.pointee.dict == nil
        else { return }
        context.pointee.dictNames = 1
        document.pointee.dict = dictionary
        xmlDictReference(dictionary)
    }

    /// The first top-level element (normally `<html>`), if any.
    var root: HTMLElement? { xmlDocGetRootElement(doc).map(HTMLElement.init) }

    /// Visits every node in document order without recursion (safe for 100k-deep trees).
    func forEachNode(_ body: (xmlNodePtr) -> Void) {
        var node = doc.pointee.children
        while let current = node {
            body(current)
            if let child = current.pointee.children, current.pointee.type == XML_ELEMENT_NODE {
                node = child
                continue
            }
            var climbing: xmlNodePtr? = current
            node = nil
            while let up = climbing {
                if let next = up.pointee.next {
                    node = next
                    break
                }
                climbing = up.pointee.parent
                if climbing.map({ UnsafeMutableRawPointer($0) }) == UnsafeMutableRawPointer(doc) { break }
            }
        }
    }

    private static let libraryReady: Void = xmlInitParser()
}
