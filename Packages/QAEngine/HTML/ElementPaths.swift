import CLibXML2

/// Builds locations (start-tag position and element path like `html>body>table[2]>tr>td>a`) for elements of
/// one document. Sibling indexes are computed once per parent and cached, so locating every element of a
/// document with 500k siblings stays linear.
struct ElementPaths {
    /// Paths deeper than this keep their last steps after `…>`.
    static let maxDepth = 32

    private var steps: [UnsafeMutableRawPointer: (index: Int, total: Int)] = [:]
    private var indexedParents: Set<UnsafeMutableRawPointer> = []

    /// The location of `element`.
    mutating func location(of element: HTMLElement) -> Location {
        let position = StartTagPosition.of(element.node)
        return Location(line: position.line, column: position.column, path: path(of: element.node))
    }

    /// The element path of `node`; an index only where element siblings share the name.
    mutating func path(of node: xmlNodePtr) -> String {
        var parts: [String] = []
        var current: xmlNodePtr? = node
        while let element = current, element.pointee.type == XML_ELEMENT_NODE {
            if parts.count == Self.maxDepth {
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

    private mutating func step(of element: xmlNodePtr) -> (index: Int, total: Int) {
        let key = UnsafeMutableRawPointer(element)
        if let known = steps[key] { return known }
        guard let parent = element.pointee.parent, indexedParents.insert(UnsafeMutableRawPointer(parent)).inserted
        else { return (1, 1) }
        var totals: [String: Int] = [:]
        var seen: [(UnsafeMutableRawPointer, String, Int)] = []
        var cursor = parent.pointee.children
        while let child = cursor {
            if child.pointee.type == XML_ELEMENT_NODE, let raw = child.pointee.name {
                let name = String(cString: raw)
                totals[name, default: 0] += 1
                seen.append((UnsafeMutableRawPointer(child), name, totals[name, default: 1]))
            }
            cursor = child.pointee.next
        }
        for (child, name, index) in seen { steps[child] = (index, totals[name, default: 1]) }
        return steps[key] ?? (1, 1)
    }
}

/// Shares one `ElementPaths` cache among the links and images of a scan, so their locations are built only
/// when a finding needs one. Valid only while the scanned document lives.
final class ElementLocator {
    private var paths = ElementPaths()

    func location(of node: xmlNodePtr) -> Location {
        let position = StartTagPosition.of(node)
        return Location(line: position.line, column: position.column, path: paths.path(of: node))
    }
}
