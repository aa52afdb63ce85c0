import CLibXML2

/// Runs libxml2's forgiving HTML parser over an email and hands its events (start and end tags, text,
/// comments…) straight to an `HTMLScanner`; no tree is built. The parser closes what the markup leaves open
/// and reports the implied tags too, so the events nest. It never touches the network.
enum HTMLParser {
    /// Parses UTF-8 `bytes` into `scanner`; true when libxml2 stopped before the end (see `HTMLScanner`).
    static func parse(_ bytes: UnsafeRawBufferPointer, into scanner: inout HTMLScanner) -> Bool {
        _ = Self.libraryReady
        guard let base = bytes.baseAddress, bytes.count > 0, bytes.count <= Int(Int32.max),
            let context = htmlNewParserCtxt()
        else { return false }
        defer { htmlFreeParserCtxt(context) }
        installCallbacks(context.pointee.sax)
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOIMPLIED.rawValue)
        let chars = base.assumingMemoryBound(to: CChar.self)
        // The callbacks (C functions, which capture nothing) reach the scanner through the context's
        // `_private` pointer, which libxml2 leaves to applications.
        return withUnsafeMutablePointer(to: &scanner) { scanner in
            context.pointee._private = UnsafeMutableRawPointer(scanner)
            defer { context.pointee._private = nil }
            if Self.isPlainUTF8(bytes) {
                parseUnconverted(chars, count: Int32(bytes.count), context: context, options: options)
            } else {
                _ = htmlCtxtReadMemory(context, chars, Int32(bytes.count), nil, "UTF-8", options)
            }
            return context.pointee.disableSAX != 0
        }
    }

    /// Points the context's callbacks at the scanner; libxml2's own ones, which build the tree, are dropped.
    private static func installCallbacks(_ handler: UnsafeMutablePointer<htmlSAXHandler>) {
        handler.pointee.startDocument = nil
        handler.pointee.endDocument = nil
        handler.pointee.internalSubset = { context, _, _, _ in HTMLParser.scanner(context)?.pointee.doctype() }
        handler.pointee.startElement = { context, name, attributes in
            guard let name, let scanner = HTMLParser.scanner(context) else { return }
            scanner.pointee.startElement(name, StartTagAttributes(pairs: attributes), in: HTMLParser.parser(context))
        }
        handler.pointee.endElement = { context, _ in HTMLParser.scanner(context)?.pointee.endElement() }
        handler.pointee.characters = { context, text, count in
            guard let text, let scanner = HTMLParser.scanner(context) else { return }
            let piece = UnsafeBufferPointer(start: text, count: Int(count))
            scanner.pointee.text(piece, isCDATA: false, in: HTMLParser.parser(context))
        }
        handler.pointee.cdataBlock = { context, text, count in
            guard let text, let scanner = HTMLParser.scanner(context) else { return }
            let piece = UnsafeBufferPointer(start: text, count: Int(count))
            scanner.pointee.text(piece, isCDATA: true, in: HTMLParser.parser(context))
        }
        handler.pointee.comment = { context, _ in HTMLParser.scanner(context)?.pointee.otherNode() }
        handler.pointee.processingInstruction = { context, _, _ in HTMLParser.scanner(context)?.pointee.otherNode() }
    }

    private static func parser(_ context: UnsafeMutableRawPointer?) -> htmlParserCtxtPtr {
        context!.assumingMemoryBound(to: xmlParserCtxt.self)
    }

    private static func scanner(_ context: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<HTMLScanner>? {
        context?.assumingMemoryBound(to: xmlParserCtxt.self).pointee._private?.assumingMemoryBound(to: HTMLScanner.self)
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
    ) {
        htmlCtxtReset(context)
        guard let buffer = xmlParserInputBufferCreateMem(chars, count, XML_CHAR_ENCODING_NONE) else { return }
        guard let stream = xmlNewIOInputStream(context, buffer, XML_CHAR_ENCODING_NONE) else {
            xmlFreeParserInputBuffer(buffer)
            return
        }
        guard inputPush(context, stream) >= 0 else {
            xmlFreeInputStream(stream)
            return
        }
        _ = htmlCtxtUseOptions(context, options)
        context.pointee.html = 1
        _ = xmlSwitchEncoding(context, XML_CHAR_ENCODING_UTF8)
        stream.pointee.encoding = UnsafePointer(xmlStrdup("UTF-8"))
        _ = htmlParseDocument(context)
    }

    private static let libraryReady: Void = xmlInitParser()
}
