/// The elements of a parsed document in document order, placed as libxml2's tree builder would place them:
/// each one's name, parent and start-tag position. Once the parse is over (`finish`), it gives any element's
/// location: line, column and an element path like `html>body>table[2]>tr>td>a`.
///
/// Only elements are kept, one small record each. `finish` numbers every parent's children in one linear
/// pass, so documents with 500k siblings stay cheap and a lookup allocates nothing but the path string.
struct ElementTree {
    /// Paths deeper than this keep their last steps after `…>`.
    static let maxDepth = 32
    /// Marks "no element" in the links between records.
    static let none: Int32 = -1

    private struct Record {
        var name: Int32
        var parent: Int32
        var line: Int32
        var column: Int32
        var firstChild = ElementTree.none
        var lastChild = ElementTree.none
        var next = ElementTree.none
        /// Position among the parent's children of the same name (1-based) and their number; set by `finish`.
        var index: Int32 = 1
        var total: Int32 = 1
    }

    private var records: [Record] = []
    /// The document's own element children (the root and any later top-level elements).
    private var topFirst = ElementTree.none
    private var topLast = ElementTree.none
    private var names: [String] = []

    /// The number of elements.
    var count: Int { records.count }

    /// Adds an element named `name` (an `ElementNames` number) as the last child of `parent`, or of the
    /// document when `parent` is `none`; returns its number.
    mutating func append(name: Int32, parent: Int32, line: Int, column: Int) -> Int32 {
        let id = Int32(records.count)
        let position = (line: Int32(clamping: max(line, 1)), column: Int32(clamping: max(column, 1)))
        records.append(Record(name: name, parent: parent, line: position.line, column: position.column))
        if parent == Self.none {
            if topLast == Self.none { topFirst = id } else { records[Int(topLast)].next = id }
            topLast = id
        } else {
            let last = records[Int(parent)].lastChild
            if last == Self.none { records[Int(parent)].firstChild = id } else { records[Int(last)].next = id }
            records[Int(parent)].lastChild = id
        }
        return id
    }

    /// Numbers same-name siblings under every parent, once all elements are in; `names` gives each name
    /// number's text for paths.
    mutating func finish(names: [String]) {
        self.names = names
        var totals = [Int32](repeating: 0, count: names.count)
        var seen = [Int32](repeating: 0, count: names.count)
        number(from: topFirst, totals: &totals, seen: &seen)
        for parent in records.indices where records[parent].firstChild != Self.none {
            number(from: records[parent].firstChild, totals: &totals, seen: &seen)
        }
    }

    /// Numbers the sibling list starting at `first`; leaves `totals` and `seen` zeroed.
    private mutating func number(from first: Int32, totals: inout [Int32], seen: inout [Int32]) {
        var cursor = first
        while cursor != Self.none {
            totals[Int(records[Int(cursor)].name)] += 1
            cursor = records[Int(cursor)].next
        }
        cursor = first
        while cursor != Self.none {
            let name = Int(records[Int(cursor)].name)
            seen[name] += 1
            records[Int(cursor)].index = seen[name]
            records[Int(cursor)].total = totals[name]
            cursor = records[Int(cursor)].next
        }
        cursor = first
        while cursor != Self.none {
            let name = Int(records[Int(cursor)].name)
            totals[name] = 0
            seen[name] = 0
            cursor = records[Int(cursor)].next
        }
    }

    /// Where element `id` is; `finish` must have run.
    func location(of id: Int32) -> Location {
        let record = records[Int(id)]
        return Location(line: Int(record.line), column: Int(record.column), path: path(of: id))
    }

    /// The element path of `id`; an index only where element siblings share the name.
    private func path(of id: Int32) -> String {
        var steps: [Int32] = []
        var cursor = id
        while cursor != Self.none {
            if steps.count == Self.maxDepth {
                steps.append(Self.none)
                break
            }
            steps.append(cursor)
            cursor = records[Int(cursor)].parent
        }
        var path = ""
        for step in steps.reversed() {
            if !path.isEmpty { path += ">" }
            guard step != Self.none else {
                path += "…"
                continue
            }
            let record = records[Int(step)]
            path += names[Int(record.name)]
            if record.total > 1 { path += "[\(record.index)]" }
        }
        return path
    }
}
