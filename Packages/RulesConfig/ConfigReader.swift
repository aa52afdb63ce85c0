import Domain
import Foundation
import Yams

/// Reads YAML nodes into Domain values and collects every problem with its path, instead of stopping at the
/// first: each list element and mapping entry is decoded on its own, so one bad entry hides no other.
struct ConfigReader {
    /// The file's document, used to locate problems; `nil` for an empty file.
    let document: Node?
    /// Every problem found so far, in the order found.
    private(set) var errors: [ConfigError] = []
    /// The roles that references are checked against; set once `roles` is read.
    var knownRoles: Set<Role> = []

    init(document: Node?) { self.document = document }

    // MARK: Reporting

    /// Records a problem at `path`. A problem in a section the file leaves out is in the built-in default,
    /// which the sentence says (it happens when the file changes what that section refers to, like roles).
    mutating func report(_ message: String, at path: ConfigPath) {
        if let section = path.section, document?[section] == nil {
            let note = " (in the built-in default \"\(section)\" section, which this file does not override)"
            errors.append(ConfigError(path: path, message: message + note))
        } else {
            errors.append(ConfigError(path: path, message: message, location: location(of: path)))
        }
    }

    /// Where the deepest node on `path` starts in the file (a mapping entry's key, a list element).
    func location(of path: ConfigPath) -> SourceLocation? {
        var node = document
        var mark = document?.mark
        for component in path.components {
            switch (component, node) {
            case (.key(let key), .mapping(let mapping)?):
                guard let entry = mapping.first(where: { $0.key.string == key }) else {
                    return mark.map(SourceLocation.init)
                }
                mark = entry.key.mark ?? mark
                node = entry.value
            case (.index(let index), .sequence(let sequence)?) where sequence.indices.contains(index):
                node = sequence[index]
                mark = node?.mark ?? mark
            default:
                return mark.map(SourceLocation.init)
            }
        }
        return mark.map(SourceLocation.init)
    }

    // MARK: Structure

    /// The elements of the list `node` with their paths; reports a node that is not a list.
    mutating func elements(of node: Node, at path: ConfigPath) -> [(node: Node, path: ConfigPath)] {
        guard let sequence = node.sequence else {
            report("expected a list, got \(node.summary)", at: path)
            return []
        }
        return sequence.enumerated().map { (node: $0.element, path: path[$0.offset]) }
    }

    /// The entries of the mapping `node` keyed by names of `Key`; reports unknown names and non-mappings.
    mutating func entries<Key: ConfigVocabulary>(
        of node: Node, at path: ConfigPath, keyedBy _: Key.Type
    ) -> [(key: Key, node: Node, path: ConfigPath)] {
        guard let mapping = node.mapping else {
            report("expected a mapping keyed by \(Key.noun), got \(node.summary)", at: path)
            return []
        }
        return mapping.compactMap { entry in
            let name = entry.key.string ?? ""
            guard let key = Key(rawValue: name) else {
                report(Key.unknown(name), at: path[name])
                return nil
            }
            return (key: key, node: entry.value, path: path[name])
        }
    }

    /// The values of the mapping `node` by key; reports keys not in `known` and non-mappings.
    mutating func fields(of node: Node, at path: ConfigPath, known: [String]) -> [String: Node]? {
        guard let mapping = node.mapping else {
            report("expected a mapping, got \(node.summary)", at: path)
            return nil
        }
        var fields: [String: Node] = [:]
        for (key, value) in mapping {
            let name = key.string ?? ""
            if known.contains(name) {
                fields[name] = value
            } else {
                report(unknownKey(name, known: known), at: path[name])
            }
        }
        return fields
    }

    /// The value of `key` in `fields`; reports it missing (`fields` is `nil` when the mapping was reported).
    mutating func required(_ key: String, in fields: [String: Node]?, at path: ConfigPath) -> Node? {
        guard let fields else { return nil }
        guard let node = fields[key] else {
            report("missing key \"\(key)\"", at: path)
            return nil
        }
        return node
    }

    // MARK: Decoding

    /// `node` decoded as `T` with Yams, or `nil` after reporting why not. Keys in `node` that `T` does not
    /// read (found by encoding the value back) are reported as unknown, so typos are never ignored.
    mutating func decode<T: Codable>(_: T.Type, from node: Node, at path: ConfigPath) -> T? {
        do {
            let value = try YAMLDecoder().decode(T.self, from: node)
            reportUnknownKeys(in: node, readKeys: try Node.encoding(value), at: path)
            return value
        } catch let error as DecodingError {
            report(error, in: node, at: path)
        } catch {
            report("could not be read: \(error)", at: path)
        }
        return nil
    }

    /// Reports keys of `given` that are missing from `read`, its value decoded and encoded again. An unset
    /// optional encodes to no key, so a null value is accepted under the optional keys Domain's types have.
    private mutating func reportUnknownKeys(in given: Node, readKeys read: Node, at path: ConfigPath) {
        switch (given, read) {
        case (.mapping(let given), .mapping(let read)):
            for (key, value) in given {
                let name = key.string ?? ""
                if let readValue = read[name] {
                    reportUnknownKeys(in: value, readKeys: readValue, at: path[name])
                } else if value.null == nil || !Self.optionalKeys.contains(name) {
                    report(unknownKey(name, known: read.keys.compactMap(\.string)), at: path[name])
                }
            }
        case (.sequence(let given), .sequence(let read)):
            for (index, (element, readElement)) in zip(given, read).enumerated() {
                reportUnknownKeys(in: element, readKeys: readElement, at: path[index])
            }
        default:
            break
        }
    }

    /// The optional keys of the config's Domain types (`Person.email`, `ApprovalStepRule.when`…).
    private static let optionalKeys: Set<String> = [
        "email", "when", "turnaround", "channels_any", "budget_at_least", "max_bytes",
    ]
}

extension Node {
    /// How a value reads in a sentence: `"legl"`, `nothing`, `a list`, `a mapping`.
    var summary: String {
        switch self {
        case .scalar(let scalar): null == nil ? "\"\(scalar.string)\"" : "nothing"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }
}

extension SourceLocation {
    init(_ mark: Mark) { self.init(line: mark.line, column: mark.column) }
}
