import CLibXML2

/// Turns the parser's events (see `HTMLParser`) into an `HTMLScan` in one pass, without a tree. Text and
/// CSS are read as bytes; strings are only made for links, images, head elements and findings.
///
/// It keeps the stack of open elements and places each new element as libxml2's tree builder did, so
/// element paths, text runs and link contents come out as they did from the tree, including the builder's
/// two limits: a 258th nested element, or a run of text over 10 MB, stops the parse.
struct HTMLScanner {
    /// A start tag while more than this many elements are open stops the parse (`xmlParserMaxDepth`).
    private static let maxOpenElements = 256
    /// A run of text longer than this stops the parse (libxml2's `XML_MAX_TEXT_LENGTH`).
    private static let maxTextRun = 10_000_000
    /// Only images among this many first nodes inside a link count towards its alternative text.
    private static let linkNodeBudget = 64

    private var scan = HTMLScan()
    private var names = ElementNames()
    private var elements = ElementTree()
    private var open: [OpenElement] = []
    /// The links among `open`, innermost last; entries past `openLinkCount` keep their storage for reuse.
    private var openLinks: [OpenLink] = []
    private var openLinkCount = 0
    /// What the document itself starts with, which decides where elements after the root go.
    private var documentStart = DocumentStart.empty
    /// The root once it has ended while later elements may still be added to it (see `parent`).
    private var lingeringRoot: OpenElement?
    /// The first `<title>` while its text is read.
    private var titleElement: Int32?
    private var title = TextNormalizer.Collapsed()
    /// The text run being read (text the parser reports in pieces, up to the next tag or comment).
    private var run: [UInt8] = []
    private var runKind = RunKind.none
    private var runContainer = OpenElement(id: 0, kind: .other)
    private var seenFeatures: [Bool] = Array(repeating: false, count: EmailSupport.table.count)
    /// `style` attribute values already scanned: a repeated value can add no first use of a feature.
    private var scannedStyles = ByteStringSet(capacity: 256)
    private var cssFeatures: [(entry: Int, element: Int32)] = []
    private var darkModeElement: Int32?
    /// The element of each text finding, located once the parse is over.
    private var textFindingElements: [Int32] = []
    private var textFindingBudget: Int
    private let allowedMergeTags: Set<String>

    private struct OpenElement {
        var id: Int32
        var kind: ElementNames.Kind
    }

    private struct OpenLink {
        var link = 0
        /// Nodes (elements, text runs, comments) created inside so far.
        var nodes = 0
        var text = TextNormalizer.Collapsed()
        var imageAlts: [UInt8] = []
        var imageAltCount = 0
    }

    private enum DocumentStart { case empty, root, other }
    private enum RunKind { case none, text, cdata }

    private init(options: QAOptions) {
        allowedMergeTags = options.allowedMergeTags
        textFindingBudget = options.findingsPerRule * 2
        scan.visibleText.reserveCapacity(16_384)
        run.reserveCapacity(1024)
    }

    /// Parses and scans the UTF-8 HTML in `bytes` under `options`; nil when it holds no element.
    static func scan(_ bytes: UnsafeRawBufferPointer, options: QAOptions) -> HTMLScan? {
        var scanner = HTMLScanner(options: options)
        let stoppedEarly = HTMLParser.parse(bytes, into: &scanner)
        return scanner.finish(stoppedEarly: stoppedEarly)
    }

    // MARK: Parser events

    /// A start tag named `tag`, real or implied.
    mutating func startElement(
        _ tag: UnsafePointer<xmlChar>, _ attributes: StartTagAttributes, in parser: htmlParserCtxtPtr
    ) {
        flushRun()
        guard open.count <= Self.maxOpenElements else {
            xmlStopParser(parser)
            return
        }
        let (name, nameStart) = names.number(of: tag)
        let position = StartTagPosition.current(in: parser, name: tag + nameStart)
        let id = elements.append(name: name, parent: parent(), line: position.line, column: position.column)
        let kind = names.kinds[Int(name)]
        countNodeInLinks()
        open.append(OpenElement(id: id, kind: kind))
        attributes.withValue("style") { inlineCSS($0, in: id) }
        switch kind {
        case .link:
            scan.links.append(
                HTMLScan.Link(
                    element: id, href: attributes.value("href"), text: "", imageAlt: "",
                    ariaLabel: attributes.value("aria-label")))
            openLink(scan.links.count - 1)
        case .image:
            let alt = attributes.value("alt")
            scan.images.append(
                HTMLScan.Image(
                    element: id, src: attributes.value("src"), alt: alt, width: attributes.value("width"),
                    height: attributes.value("height")))
            if let alt { addImageAlt(alt) }
        case .html:
            scan.lang = attributes.value("lang")
        case .title where titleElement == nil && scan.title == nil:
            titleElement = id
        case .meta:
            let name = attributes.value("name")?.lowercased()
            if name == "color-scheme" || name == "supported-color-schemes" { scan.hasColorSchemeMeta = true }
        case .address:
            scan.hasAddressElement = true
        default:
            break
        }
    }

    /// An end tag, real or implied; it closes the innermost open element, whatever its name.
    mutating func endElement() {
        flushRun()
        guard let element = open.popLast() else { return }
        if element.id == 0, documentStart == .root {
            lingeringRoot = element
            return
        }
        endContent(of: element)
    }

    /// Text (`isCDATA`: the raw content of `<style>` or `<script>`), as one of the pieces of a run.
    mutating func text(_ piece: UnsafeBufferPointer<UInt8>, isCDATA: Bool, in parser: htmlParserCtxtPtr) {
        guard let container = open.last else { return }  // text outside every element is dropped
        let kind = isCDATA ? RunKind.cdata : .text
        if kind == runKind {
            guard run.count + piece.count <= Self.maxTextRun else {
                // What libxml2's tree builder did with an overlong text node: give up as if out of memory.
                parser.pointee.errNo = Int32(XML_ERR_NO_MEMORY.rawValue)
                parser.pointee.instate = XML_PARSER_EOF
                parser.pointee.disableSAX = 1
                return
            }
        } else {
            flushRun()
            runKind = kind
            runContainer = container
            countNodeInLinks()
        }
        run.append(contentsOf: piece)
        for index in 0..<openLinkCount { openLinks[index].text.append(piece) }
        if titleElement != nil { title.append(piece) }
    }

    /// A comment or processing instruction: no content for the rules, but a node that ends a text run.
    mutating func otherNode() {
        flushRun()
        if open.isEmpty {
            if documentStart == .empty { documentStart = .other }
        } else {
            countNodeInLinks()
        }
    }

    /// A document type declaration; libxml2 puts it first in the document.
    mutating func doctype() {
        documentStart = .other
    }

    // MARK: Structure

    /// The parent of a new element: the innermost open one; with none open, the document itself, except
    /// that libxml2 added elements after the root to the root when the document started with it (no
    /// doctype, comment or processing instruction first), so the root's text and links go on.
    private mutating func parent() -> Int32 {
        if let top = open.last { return top.id }
        switch documentStart {
        case .empty:
            documentStart = .root
            return ElementTree.none
        case .root:
            return 0
        case .other:
            endLingeringRoot()
            return ElementTree.none
        }
    }

    /// Ends the text and link an element collects from its content.
    private mutating func endContent(of element: OpenElement) {
        if element.kind == .link { closeLink() }
        if element.id == titleElement {
            scan.title = title.string
            titleElement = nil
        }
    }

    private mutating func endLingeringRoot() {
        guard let root = lingeringRoot else { return }
        lingeringRoot = nil
        endContent(of: root)
    }

    // MARK: Links

    private mutating func openLink(_ link: Int) {
        if openLinkCount == openLinks.count { openLinks.append(OpenLink()) }
        openLinks[openLinkCount].link = link
        openLinks[openLinkCount].nodes = 0
        openLinks[openLinkCount].text.removeAll()
        openLinks[openLinkCount].imageAlts.removeAll(keepingCapacity: true)
        openLinks[openLinkCount].imageAltCount = 0
        openLinkCount += 1
    }

    /// Counts a node just created inside every open link.
    private mutating func countNodeInLinks() {
        for index in 0..<openLinkCount { openLinks[index].nodes += 1 }
    }

    /// Adds an image's `alt` to the links it is in, where it is among their first nodes.
    private mutating func addImageAlt(_ alt: String) {
        for index in 0..<openLinkCount where openLinks[index].nodes <= Self.linkNodeBudget {
            if openLinks[index].imageAltCount > 0 { openLinks[index].imageAlts.append(0x20) }
            openLinks[index].imageAlts.append(contentsOf: alt.utf8)
            openLinks[index].imageAltCount += 1
        }
    }

    private mutating func closeLink() {
        openLinkCount -= 1
        let closed = openLinks[openLinkCount]
        scan.links[closed.link].text = closed.text.string
        scan.links[closed.link].imageAlt = String(decoding: closed.imageAlts, as: UTF8.self)
    }

    // MARK: Text

    /// Scans the text run read so far, if any, as the text node libxml2 would have built.
    private mutating func flushRun() {
        guard runKind != .none else { return }
        runKind = .none
        var bytes: [UInt8] = []
        swap(&bytes, &run)  // lent out while scanned, then handed back with its storage
        bytes.withUnsafeBufferPointer { scanText($0, in: runContainer) }
        bytes.removeAll(keepingCapacity: true)
        run = bytes
    }

    private mutating func scanText(_ text: UnsafeBufferPointer<UInt8>, in container: OpenElement) {
        switch container.kind {
        case .style:
            styleSheet(text, in: container.id)
            return
        case .script, .title:
            return
        default:
            break
        }
        scan.visibleText.append(contentsOf: text)
        scan.visibleText.append(0x20)
        guard textFindingBudget > 0 else { return }
        for range in MergeTagScanner.tags(in: text) {
            let tag = String(decoding: UnsafeBufferPointer(rebasing: text[range]), as: UTF8.self)
            guard !allowedMergeTags.contains(tag) else { continue }
            textFindingBudget -= 1
            addTextFinding(
                Finding(
                    .contentMergeTag, at: nil, "The merge tag \(tag) was not filled in.",
                    fix: "Fill in the value or fix the tag's spelling so your email platform replaces it."),
                in: container.id)
        }
        if let filler = PlaceholderTextScanner.firstPlaceholder(in: text) {
            textFindingBudget -= 1
            addTextFinding(
                Finding(
                    .contentPlaceholderText, at: nil, "Placeholder text \"\(filler)\" is still in the email.",
                    fix: "Replace it with the final copy."),
                in: container.id)
        }
    }

    /// Keeps `finding`, to be placed at `element` once the parse is over.
    private mutating func addTextFinding(_ finding: Finding, in element: Int32) {
        scan.textFindings.append(finding)
        textFindingElements.append(element)
    }

    /// Collapses white-space runs in `scan.visibleText` (gathered run by run, each followed by a space) to
    /// one space, in place, and counts the visible bytes.
    private mutating func collapseVisibleText() {
        var visible = 0
        let end = scan.visibleText.withUnsafeMutableBufferPointer { buffer in
            var write = 0
            for read in 0..<buffer.count {
                let byte = buffer[read]
                if !TextNormalizer.isSpace(byte) {
                    buffer[write] = byte
                    write += 1
                    visible += 1
                } else if write > 0, buffer[write - 1] != 0x20 {
                    buffer[write] = 0x20
                    write += 1
                }
            }
            return write
        }
        scan.visibleText.removeLast(scan.visibleText.count - end)
        scan.textBytes = visible
    }

    // MARK: CSS

    private mutating func inlineCSS(_ css: UnsafeBufferPointer<UInt8>, in element: Int32) {
        guard scannedStyles.insert(css).inserted else { return }
        CSSScanner.scan(css) { event in
            CSSFeatureDetector.detect(event) { note($0, at: element) }
        }
    }

    private mutating func styleSheet(_ css: UnsafeBufferPointer<UInt8>, in element: Int32) {
        CSSScanner.scan(css) { event in
            let darkMode = CSSFeatureDetector.detect(event) { note($0, at: element) }
            if darkMode, darkModeElement == nil { darkModeElement = element }
        }
    }

    private mutating func note(_ entry: Int, at element: Int32) {
        guard !seenFeatures[entry] else { return }
        seenFeatures[entry] = true
        cssFeatures.append((entry, element))
    }

    // MARK: End

    /// Everything still open is closed, text is handed over and places are located.
    private mutating func finish(stoppedEarly: Bool) -> HTMLScan? {
        flushRun()
        while !open.isEmpty { endElement() }
        endLingeringRoot()
        guard elements.count > 0 else { return nil }
        elements.finish(names: names.names)
        collapseVisibleText()
        scan.stoppedEarly = stoppedEarly
        scan.rootLocation = elements.location(of: 0)
        for index in scan.links.indices { scan.links[index].elements = elements }
        for index in scan.images.indices { scan.images[index].elements = elements }
        for (index, element) in textFindingElements.enumerated() {
            scan.textFindings[index].location = elements.location(of: element)
        }
        scan.cssFeatures = cssFeatures.map { ($0.entry, elements.location(of: $0.element)) }
        scan.darkModeStyles = darkModeElement.map { elements.location(of: $0) }
        return scan
    }
}
