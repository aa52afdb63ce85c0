import Foundation

/// One way a JSON value fails a ``JSONSchema``.
public struct SchemaViolation: Sendable, Hashable, CustomStringConvertible {
    /// Where, as a dotted path from the root (`data.request.title`, `data.missing[0]`); `(root)` for the top.
    public var path: String
    /// What is wrong.
    public var message: String

    /// Creates a violation.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}

extension JSONSchema {
    /// Every way `value` fails this schema; empty when it is valid.
    public func validate(_ value: JSONValue) -> [SchemaViolation] {
        var violations: [SchemaViolation] = []
        check(value, at: "", into: &violations)
        return violations
    }

    /// Parses `data` and validates it; a parse failure is one violation at the root.
    public func validate(json data: Data) -> [SchemaViolation] {
        guard let value = JSONValue.parse(data) else { return [SchemaViolation(path: "(root)", message: "not JSON")] }
        return validate(value)
    }

    private func check(_ value: JSONValue, at path: String, into violations: inout [SchemaViolation]) {
        func fail(_ message: String) {
            violations.append(SchemaViolation(path: path.isEmpty ? "(root)" : path, message: message))
        }
        if value == .null {
            if !nullable && kind != .any { fail("null not allowed") }
            return
        }
        switch kind {
        case .any:
            return
        case .string(let rules):
            guard case .string(let text) = value else { return fail("expected string, got \(value.typeName)") }
            if let allowed = rules.allowed, !allowed.contains(text) {
                fail("\"\(text)\" is not one of \(allowed.map { "\"\($0)\"" }.joined(separator: ", "))")
            }
            let length = text.unicodeScalars.count
            if let minLength = rules.minLength, length < minLength { fail("shorter than \(minLength)") }
            if let maxLength = rules.maxLength, length > maxLength { fail("longer than \(maxLength)") }
            if let format = rules.format, !format.accepts(text) { fail("\"\(text)\" is not a \(format.rawValue)") }
            if let pattern = rules.pattern {
                if let regex = try? Regex(pattern) {
                    if text.firstMatch(of: regex) == nil { fail("\"\(text)\" does not match \(pattern)") }
                } else {
                    fail("schema pattern \(pattern) does not compile")
                }
            }
        case .integer(let minimum, let maximum):
            // Bounds are compared as doubles: exact for every bound Marquee uses.
            let number: Double
            switch value {
            case .integer(let integer): number = Double(integer)
            case .unsignedInteger(let integer): number = Double(integer)
            case .number(let double) where double.isFinite && double.rounded() == double: number = double
            default: return fail("expected integer, got \(value.typeName)")
            }
            if let minimum, number < Double(minimum) { fail("\(number) is below \(minimum)") }
            if let maximum, number > Double(maximum) { fail("\(number) is above \(maximum)") }
        case .number(let minimum, let maximum):
            let number: Double
            switch value {
            case .integer(let integer): number = Double(integer)
            case .unsignedInteger(let integer): number = Double(integer)
            case .number(let double): number = double
            default: return fail("expected number, got \(value.typeName)")
            }
            if let minimum, number < minimum { fail("\(number) is below \(minimum)") }
            if let maximum, number > maximum { fail("\(number) is above \(maximum)") }
        case .boolean:
            guard case .bool = value else { return fail("expected boolean, got \(value.typeName)") }
        case .array(let items, let minItems, let uniqueItems):
            guard case .array(let elements) = value else { return fail("expected array, got \(value.typeName)") }
            if let minItems, elements.count < minItems { fail("fewer than \(minItems) items") }
            if uniqueItems, Set(elements).count != elements.count { fail("items are not unique") }
            for (index, element) in elements.enumerated() {
                items.check(element, at: "\(path)[\(index)]", into: &violations)
            }
        case .object(let properties, let required, let additionalProperties):
            guard case .object(let members) = value else { return fail("expected object, got \(value.typeName)") }
            for name in required where members[name] == nil {
                violations.append(SchemaViolation(path: path.isEmpty ? name : "\(path).\(name)", message: "missing"))
            }
            for (name, member) in members.sorted(by: { $0.key < $1.key }) {
                let memberPath = path.isEmpty ? name : "\(path).\(name)"
                if let schema = properties[name] {
                    schema.check(member, at: memberPath, into: &violations)
                } else if !additionalProperties {
                    violations.append(SchemaViolation(path: memberPath, message: "not allowed"))
                }
            }
        }
    }
}

extension JSONSchema.StringFormat {
    /// Whether `text` has this format.
    public func accepts(_ text: String) -> Bool {
        switch self {
        case .dateTime: RFC3339.date(from: text) != nil
        case .date: RFC3339.isFullDate(text)
        case .uuid: text.utf8.count == 36 && UUID(uuidString: text) != nil
        case .uriReference: EnvelopeWire.isURIReference(text)
        }
    }
}
