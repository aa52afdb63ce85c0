/// A small block-style YAML writer for ``JSONValue`` documents (AsyncAPI). Deterministic: keys listed in
/// `keyOrder` come first in that order, the rest alphabetically. Strings that could be read as anything
/// but a plain string are written double-quoted with JSON escapes, which YAML reads the same way.
public enum YAMLText {
    /// Renders `value` as a YAML document ending in a newline.
    public static func render(_ value: JSONValue, keyOrder: [String] = []) -> String {
        let rank = Dictionary(keyOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        return block(value, indent: 0, rank: rank).joined(separator: "\n") + "\n"
    }

    private static func block(_ value: JSONValue, indent: Int, rank: [String: Int]) -> [String] {
        let pad = String(repeating: " ", count: indent)
        switch value {
        case .object(let members) where !members.isEmpty:
            let keys = members.keys.sorted { a, b in
                switch (rank[a], rank[b]) {
                case let (x?, y?): x < y
                case (.some, nil): true
                case (nil, .some): false
                case (nil, nil): a < b
                }
            }
            return keys.flatMap { key -> [String] in
                let child = members[key]!
                if let inline = inline(child) { return ["\(pad)\(scalar(key)): \(inline)"] }
                return ["\(pad)\(scalar(key)):"] + block(child, indent: indent + 2, rank: rank)
            }
        case .array(let items) where !items.isEmpty:
            return items.flatMap { item -> [String] in
                if let inline = inline(item) { return ["\(pad)- \(inline)"] }
                var lines = block(item, indent: indent + 2, rank: rank)
                lines[0] = pad + "- " + lines[0].dropFirst(indent + 2)
                return lines
            }
        default:
            return [pad + (inline(value) ?? "")]
        }
    }

    /// The one-line form of scalars and empty containers; `nil` for non-empty containers.
    private static func inline(_ value: JSONValue) -> String? {
        switch value {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .integer(let number): String(number)
        case .unsignedInteger(let number): String(number)
        case .number(let number): number.description
        case .string(let text): scalar(text)
        case .array(let items): items.isEmpty ? "[]" : nil
        case .object(let members): members.isEmpty ? "{}" : nil
        }
    }

    private static let reserved: Set<String> = ["true", "false", "null", "yes", "no", "on", "off", "y", "n", "~"]

    /// `text` as a plain scalar when that is unambiguous, else double-quoted.
    static func scalar(_ text: String) -> String {
        let isLetter: (Unicode.Scalar) -> Bool = { ("a"..."z").contains($0) || ("A"..."Z").contains($0) }
        let isPlain =
            text.unicodeScalars.first.map { isLetter($0) || $0 == "_" || $0 == "$" || $0 == "/" } == true
            && text.unicodeScalars.allSatisfy { isLetter($0) || ("0"..."9").contains($0) || " _./$(),;-".unicodeScalars.contains($0) }
            && !text.hasSuffix(" ") && !reserved.contains(text.lowercased())
        if isPlain { return text }
        var quoted = "\""
        for character in text.unicodeScalars {
            switch character {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\t": quoted += "\\t"
            case "\r": quoted += "\\r"
            default:
                if character.value < 0x20 || character.value == 0x7F {
                    let hex = String(character.value, radix: 16)
                    quoted += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    quoted.unicodeScalars.append(character)
                }
            }
        }
        return quoted + "\""
    }
}
