import CLibXML2

/// Walks a parsed document once and fills an `HTMLScan`. Text and CSS are read as C bytes; strings are
/// only made for links, images, head elements and findings.
struct HTMLScanner {
    private var scan = HTMLScan()
    private var seenFeatures: [Bool] = Array(repeating: false, count: EmailSupport.table.count)
    /// `style` attribute values already scanned: a repeated value can add no first use of a feature.
    private var scannedStyles = ByteStringSet(capacity: 256)
    private var textFindingBudget: Int
    private let allowedMergeTags: Set<String>

    private init(options: QAOptions) {
        allowedMergeTags = options.allowedMergeTags
        textFindingBudget = options.findingsPerRule * 2
    }

    /// Scans `document` under `options`.
    static func scan(_ document: borrowing HTMLDocument, options: QAOptions) -> HTMLScan {
        var scanner = HTMLScanner(options: options)
        scanner.scan.rootLocation = document.root.map { ElementPaths.location(of: $0.node) }
        scanner.scan.visibleText.reserveCapacity(4096)
        document.forEachNode { node in
            switch node.pointee.type {
            case XML_ELEMENT_NODE: scanner.visitElement(HTMLElement(node: node))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE: scanner.visitText(node)
            default: break
            }
        }
        return scanner.scan
    }

    private mutating func visitElement(_ element: HTMLElement) {
        element.withAttribute("style") { inlineCSS($0, in: element) }
        guard let first = element.node.pointee.name?.pointee else { return }
        switch first {
        case UInt8(ascii: "a") where element.isNamed("a"):
            scan.links.append(link(element))
        case UInt8(ascii: "i") where element.isNamed("img"):
            scan.images.append(
                HTMLScan.Image(
                    node: element.node, src: element.attribute("src"), alt: element.attribute("alt"),
                    width: element.attribute("width"), height: element.attribute("height")))
        case UInt8(ascii: "h") where element.isNamed("html"):
            scan.lang = element.attribute("lang")
        case UInt8(ascii: "t") where element.isNamed("title"):
            scan.title = scan.title ?? element.text
        case UInt8(ascii: "m") where element.isNamed("meta"):
            let name = element.attribute("name")?.lowercased()
            if name == "color-scheme" || name == "supported-color-schemes" { scan.hasColorSchemeMeta = true }
        case UInt8(ascii: "a") where element.isNamed("address"):
            scan.hasAddressElement = true
        default:
            break
        }
    }

    private mutating func link(_ element: HTMLElement) -> HTMLScan.Link {
        var alts: [String] = []
        var cursor = element.node.pointee.children
        var budget = 64
        while let node = cursor, budget > 0 {
            budget -= 1
            let child = HTMLElement(node: node)
            if node.pointee.type == XML_ELEMENT_NODE, child.isNamed("img"), let alt = child.attribute("alt") {
                alts.append(alt)
            }
            if node.pointee.type == XML_ELEMENT_NODE, let inner = node.pointee.children {
                cursor = inner
            } else {
                cursor = node.pointee.next ?? Self.nextUp(from: node, within: element.node)
            }
        }
        return HTMLScan.Link(
            node: element.node, href: element.attribute("href"), text: element.text,
            imageAlt: alts.joined(separator: " "), ariaLabel: element.attribute("aria-label"))
    }

    private static func nextUp(from node: xmlNodePtr, within root: xmlNodePtr) -> xmlNodePtr? {
        var up = node.pointee.parent
        while let parent = up, parent != root {
            if let next = parent.pointee.next { return next }
            up = parent.pointee.parent
        }
        return nil
    }

    private mutating func visitText(_ node: xmlNodePtr) {
        guard let content = node.pointee.content, let parent = node.pointee.parent else { return }
        let text = UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content)))
        let container = HTMLElement(node: parent)
        // Nearly every text node sits in neither; the first letter settles that without comparing names.
        switch parent.pointee.name?.pointee {
        case UInt8(ascii: "s"):
            if container.isNamed("style") {
                styleSheet(text, in: container)
                return
            }
            if container.isNamed("script") { return }
        case UInt8(ascii: "t"):
            if container.isNamed("title") { return }
        default:
            break
        }
        appendVisible(text)
        guard textFindingBudget > 0 else { return }
        for range in MergeTagScanner.tags(in: text) {
            let tag = String(decoding: UnsafeBufferPointer(rebasing: text[range]), as: UTF8.self)
            guard !allowedMergeTags.contains(tag) else { continue }
            textFindingBudget -= 1
            scan.textFindings.append(
                Finding(
                    .contentMergeTag, at: ElementPaths.location(of: container.node), "The merge tag \(tag) was not filled in.",
                    fix: "Fill in the value or fix the tag's spelling so your email platform replaces it."))
        }
        if let filler = PlaceholderTextScanner.firstPlaceholder(in: text) {
            textFindingBudget -= 1
            scan.textFindings.append(
                Finding(
                    .contentPlaceholderText, at: ElementPaths.location(of: container.node),
                    "Placeholder text \"\(filler)\" is still in the email.",
                    fix: "Replace it with the final copy."))
        }
    }

    /// Appends `text` with white-space runs collapsed, copying runs of visible bytes in bulk.
    private mutating func appendVisible(_ text: UnsafeBufferPointer<UInt8>) {
        var index = 0
        while index < text.count {
            guard !TextNormalizer.isSpace(text[index]) else {
                if scan.visibleText.last.map({ $0 != 0x20 }) ?? false { scan.visibleText.append(0x20) }
                index += 1
                continue
            }
            var end = index + 1
            while end < text.count, !TextNormalizer.isSpace(text[end]) { end += 1 }
            scan.visibleText.append(contentsOf: UnsafeBufferPointer(rebasing: text[index..<end]))
            scan.textBytes += end - index
            index = end
        }
        if scan.visibleText.last.map({ $0 != 0x20 }) ?? false { scan.visibleText.append(0x20) }
    }

    private mutating func inlineCSS(_ css: UnsafeBufferPointer<UInt8>, in element: HTMLElement) {
        guard scannedStyles.insert(css).inserted else { return }
        CSSScanner.scan(css) { event in
            CSSFeatureDetector.detect(event) { note($0, at: element) }
        }
    }

    private mutating func styleSheet(_ css: UnsafeBufferPointer<UInt8>, in element: HTMLElement) {
        CSSScanner.scan(css) { event in
            let darkMode = CSSFeatureDetector.detect(event) { note($0, at: element) }
            if darkMode, scan.darkModeStyles == nil { scan.darkModeStyles = ElementPaths.location(of: element.node) }
        }
    }

    private mutating func note(_ entry: Int, at element: HTMLElement) {
        guard !seenFeatures[entry] else { return }
        seenFeatures[entry] = true
        scan.cssFeatures.append((entry, ElementPaths.location(of: element.node)))
    }
}
