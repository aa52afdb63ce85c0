import Domain
import Yams

/// A top-level section of the config file. A file may leave any out: that section is then the built-in
/// default's (`Rules.builtIn`), so a file overrides only what it needs.
enum ConfigSection: String, CaseIterable {
    case roles
    case people
    case mvp
    case approvals
    case slas
    case calendar
    case channelSpecs = "channel_specs"
    case escalations
    case warnings
    case launch

    /// The section's path from the top of the document.
    var path: ConfigPath { ConfigPath.root[rawValue] }

    /// The section of `rules` as a YAML node; dictionaries are ordered like their keys' cases.
    func node(of rules: Rules) throws -> Node {
        switch self {
        case .roles: try Node.encoding(rules.roles)
        case .people: try Node.encoding(rules.people)
        case .mvp: try Node.ordered(rules.mvp)
        case .approvals: try Node.ordered(rules.approvals.routes)
        case .slas: try Node.ordered(rules.slas)
        case .calendar: try Node.encoding(rules.calendar)
        case .channelSpecs: try Node.ordered(rules.channelSpecs)
        case .escalations: try Node.ordered(rules.escalations)
        case .warnings: try Node.encoding(rules.warnings)
        case .launch: try Node.encoding(rules.launch)
        }
    }
}

extension Node {
    /// `value` encoded as a YAML node.
    static func encoding(_ value: some Encodable) throws -> Node {
        try compose(yaml: YAMLEncoder().encode(value)) ?? Node("")
    }

    /// A mapping of `dictionary` with its keys in case order (Swift dictionaries have none).
    static func ordered<Key: ConfigVocabulary, Value: Encodable>(_ dictionary: [Key: Value]) throws -> Node {
        var pairs: [(Node, Node)] = []
        for key in Key.allCases {
            if let value = dictionary[key] { pairs.append((Node(key.rawValue), try encoding(value))) }
        }
        return Node(pairs)
    }
}
