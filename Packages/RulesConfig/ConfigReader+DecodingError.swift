import Foundation
import Yams

extension ConfigReader {
    /// Reports a Yams decoding failure of `node` at the path it names, as a sentence about the value found.
    mutating func report(_ error: DecodingError, in node: Node, at path: ConfigPath) {
        switch error {
        case .typeMismatch(let type, let context):
            let (found, at) = descend(node, along: context.codingPath, from: path)
            report("expected \(Self.noun(for: type)), got \(found.summary)", at: at)
        case .valueNotFound(let type, let context):
            let (_, at) = descend(node, along: context.codingPath, from: path)
            report("expected \(Self.noun(for: type)), got nothing", at: at)
        case .keyNotFound(let key, let context):
            let (_, at) = descend(node, along: context.codingPath, from: path)
            report("missing key \"\(key.stringValue)\"", at: at)
        case .dataCorrupted(let context):
            let (found, at) = descend(node, along: context.codingPath, from: path)
            report(Self.sentence(for: context.debugDescription, found: found), at: at)
        @unknown default:
            report("could not be read: \(error)", at: path)
        }
    }

    /// Follows a decoder's coding path through `node`, as far as the document has it.
    private func descend(_ node: Node, along codingPath: [any CodingKey], from path: ConfigPath) -> (Node, ConfigPath) {
        var node = node
        var path = path
        for key in codingPath {
            if let mapping = node.mapping, let value = mapping[key.stringValue] {
                node = value
                path = path[key.stringValue]
            } else if let sequence = node.sequence, let index = key.intValue, sequence.indices.contains(index) {
                node = sequence[index]
                path = path[index]
            } else {
                break
            }
        }
        return (node, path)
    }

    /// What a value of `type` is called in a sentence.
    private static func noun(for type: Any.Type) -> String {
        switch type {
        case is Node.Mapping.Type: "a mapping"
        case is Node.Sequence.Type: "a list"
        case is Node.Scalar.Type: "a single value"
        case is String.Type: "a text"
        case is Bool.Type: "true or false"
        case is Int.Type, is Int64.Type: "a whole number"
        case is Double.Type: "a number"
        default: "a value of type \(type)"
        }
    }

    /// The sentence for a corrupted value. The standard library says "Cannot initialize MVPField from invalid
    /// String value x" for an unknown enum name; that becomes "unknown MVP field "x"; expected one of: …".
    /// Domain's own messages (dates, times, durations) are sentences already.
    private static func sentence(for description: String, found: Node) -> String {
        let prefix = "Cannot initialize "
        if description.hasPrefix(prefix), let from = description.range(of: " from invalid ") {
            let typeName = description[
                description.index(description.startIndex, offsetBy: prefix.count)..<from.lowerBound]
            if let vocabulary = configVocabularies.first(where: { String(describing: $0) == typeName }) {
                return vocabulary.unknown(found.string ?? "")
            }
        }
        return description
    }
}

extension ConfigReader {
    /// The sentence for a key no one reads, suggesting the closest known key when one is a typo away.
    func unknownKey(_ name: String, known: [String]) -> String {
        let closest = known.map { (key: $0, distance: editDistance(name, $0)) }.min { $0.distance < $1.distance }
        guard let closest, closest.distance <= max(1, min(2, name.count / 3)) else { return "unknown key \"\(name)\"" }
        return "unknown key \"\(name)\"; did you mean \"\(closest.key)\"?"
    }

    /// Levenshtein distance between two short keys.
    private func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        var previous = Array(0...b.count)
        for (i, left) in a.enumerated() {
            var current = [i + 1]
            for (j, right) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (left == right ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}
