import Foundation

/// Fills `{{field}}` placeholders of a template body. Whitespace inside the braces is ignored
/// (`{{ title }}`); a placeholder without a value stays visible as `[missing: field]` and is reported.
public enum TemplateRenderer {
    /// The rendered text and the placeholders that had no value, in order of first appearance.
    public static func render(_ body: String, fields: [String: String]) -> (text: String, unfilled: [String]) {
        var text = ""
        var unfilled: [String] = []
        var rest = Substring(body)
        while let open = rest.range(of: "{{") {
            text += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                rest = rest[open.lowerBound...]
                break
            }
            let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            if let value = fields[name], !value.isEmpty {
                text += value
            } else {
                text += "[missing: \(name)]"
                if !unfilled.contains(name) { unfilled.append(name) }
            }
            rest = rest[close.upperBound...]
        }
        return (text + rest, unfilled)
    }
}
