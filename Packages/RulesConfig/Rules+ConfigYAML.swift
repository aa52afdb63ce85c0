import Domain
import Yams

extension Rules {
    /// These rules as a complete config file, with a commented header and a comment on every section;
    /// `loadRules(yaml:)` reads it back to equal rules. `Rules.builtIn.configYAML()` is `deploy/marquee.yaml`.
    public func configYAML() throws -> String {
        var text = ConfigComments.header
        for section in ConfigSection.allCases {
            let node = Node([(Node(section.rawValue), try section.node(of: self).withoutDefaults.compacted)])
            text += "\n" + ConfigComments.comment(for: section) + (try serialize(node: node, width: 100))
        }
        return text
    }
}

extension Node {
    /// The node with lists of plain values, and mappings of at most two plain values, in flow style on one
    /// line (`roles: [legal]`, `{owner: qa_reviewer, turnaround: 1d}`); everything else stays in block style.
    var compacted: Node {
        switch self {
        case .sequence(var sequence):
            let nodes = sequence.map(\.compacted)
            sequence = Node.Sequence(nodes, sequence.tag, nodes.allSatisfy(\.isScalar) ? .flow : .block)
            return .sequence(sequence)
        case .mapping(let mapping):
            let pairs = mapping.map { ($0.key, $0.value.compacted) }
            let isSmall = pairs.count <= 2 && pairs.allSatisfy(\.1.isScalar)
            return .mapping(Node.Mapping(pairs, mapping.tag, isSmall ? .flow : .block))
        case .scalar(var scalar) where scalar.string.contains(":"):
            scalar.style = .singleQuoted  // "09:00" like "17:00", which the emitter quotes by itself
            return .scalar(scalar)
        case .scalar, .alias:
            return self
        }
    }

    /// Flags that equal what Domain's decoding assumes when they are left out, so the file shows only
    /// the exceptions (`parallel_with_previous: true`, `raise_flag: true`).
    private static let defaultFlags = [
        "parallel_with_previous": "false", "distinct_from_requester": "true", "raise_flag": "false",
        "log_request": "false",
    ]

    /// The node without mapping entries that repeat a default flag.
    var withoutDefaults: Node {
        switch self {
        case .sequence(let sequence):
            return .sequence(Node.Sequence(sequence.map(\.withoutDefaults), sequence.tag, sequence.style))
        case .mapping(let mapping):
            let pairs = mapping.filter { key, value in
                guard let name = key.string, let flag = Self.defaultFlags[name] else { return true }
                return value.string != flag
            }.map { ($0.key, $0.value.withoutDefaults) }
            return .mapping(Node.Mapping(pairs, mapping.tag, mapping.style))
        case .scalar, .alias:
            return self
        }
    }

    private var isScalar: Bool {
        if case .scalar = self { true } else { false }
    }
}
