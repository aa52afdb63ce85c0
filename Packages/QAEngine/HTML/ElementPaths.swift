import CLibXML2

/// Builds locations (start-tag position and element path like `html>body>table[2]>tr>td>a`) for elements of
/// a parsed document, on demand.
///
/// A parent's element children are numbered once, all together, and each child keeps its (index, total)
/// in its `_private` pointer, which libxml2 leaves to applications: locating every element of a document
/// with 500k siblings stays linear, and a lookup allocates nothing but the path string.
enum ElementPaths {
    /// Paths deeper than this keep their last steps after `…>`.
    static let maxDepth = 32
    /// Above this many distinct names among siblings, names are counted in a dictionary.
    private static let namesScannedLinearly = 16

    /// The location of `node`.
    static func location(of node: xmlNodePtr) -> Location {
        let position = StartTagPosition.of(node)
        return Location(line: position.line, column: position.column, path: path(of: node))
    }

    /// The element path of `node`; an index only where element siblings share the name.
    static func path(of node: xmlNodePtr) -> String {
        var parts: [String] = []
        var current: xmlNodePtr? = node
        while let element = current, element.pointee.type == XML_ELEMENT_NODE {
            if parts.count == maxDepth {
                parts.append("…")
                break
            }
            let name = element.pointee.name.map { String(cString: $0) } ?? "?"
            let (index, total) = step(of: element)
            parts.append(total > 1 ? "\(name)[\(index)]" : name)
            current = element.pointee.parent
        }
        return parts.reversed().joined(separator: ">")
    }

    private static func step(of element: xmlNodePtr) -> (index: Int, total: Int) {
        if element.pointee._private == nil, let parent = element.pointee.parent { number(childrenOf: parent) }
        guard let stored = element.pointee._private else { return (1, 1) }
        let bits = Int(bitPattern: stored)
        return (bits >> 32, bits & 0xFFFF_FFFF)
    }

    /// Stores (index among same-name siblings, number of them) in every element child of `parent`.
    private static func number(childrenOf parent: xmlNodePtr) {
        var names: [(name: UnsafePointer<xmlChar>, total: Int, seen: Int)] = []
        var slots: [String: Int] = [:]  // used once names are too many to scan
        func slot(of name: UnsafePointer<xmlChar>) -> Int {
            if names.count <= namesScannedLinearly {
                if let found = names.firstIndex(where: { xmlStrEqual($0.name, name) != 0 }) { return found }
                names.append((name, 0, 0))
                if names.count > namesScannedLinearly {
                    for (offset, entry) in names.enumerated() { slots[String(cString: entry.name)] = offset }
                }
                return names.count - 1
            }
            let key = String(cString: name)
            if let found = slots[key] { return found }
            names.append((name, 0, 0))
            slots[key] = names.count - 1
            return names.count - 1
        }
        forEachElement(childOf: parent) { _, name in names[slot(of: name)].total += 1 }
        forEachElement(childOf: parent) { child, name in
            let index = slot(of: name)
            names[index].seen += 1
            child.pointee._private = UnsafeMutableRawPointer(bitPattern: names[index].seen << 32 | names[index].total)
        }
    }

    private static func forEachElement(
        childOf parent: xmlNodePtr, _ body: (xmlNodePtr, UnsafePointer<xmlChar>) -> Void
    ) {
        var cursor = parent.pointee.children
        while let child = cursor {
            if child.pointee.type == XML_ELEMENT_NODE, let name = child.pointee.name { body(child, name) }
            cursor = child.pointee.next
        }
    }
}
