extension JSONSchema {
    /// The URI of the JSON Schema dialect Marquee writes.
    public static let dialect = "https://json-schema.org/draft/2020-12/schema"

    /// The schema as JSON Schema 2020-12 keywords.
    public var json: JSONValue {
        var members: [String: JSONValue] = [:]
        func type(_ name: String) {
            members["type"] = nullable ? .array([.string(name), .string("null")]) : .string(name)
        }
        switch kind {
        case .any:
            break
        case .string(let rules):
            type("string")
            if let allowed = rules.allowed {
                if allowed.count == 1 && !nullable {
                    members["const"] = .string(allowed[0])
                } else {
                    members["enum"] = .array(allowed.map(JSONValue.string) + (nullable ? [.null] : []))
                }
            }
            if let format = rules.format { members["format"] = .string(format.rawValue) }
            if let pattern = rules.pattern { members["pattern"] = .string(pattern) }
            if let minLength = rules.minLength { members["minLength"] = .integer(Int64(minLength)) }
            if let maxLength = rules.maxLength { members["maxLength"] = .integer(Int64(maxLength)) }
        case .integer(let minimum, let maximum):
            type("integer")
            if let minimum { members["minimum"] = .integer(minimum) }
            if let maximum { members["maximum"] = .integer(maximum) }
        case .number(let minimum, let maximum):
            type("number")
            if let minimum { members["minimum"] = .number(minimum) }
            if let maximum { members["maximum"] = .number(maximum) }
        case .boolean:
            type("boolean")
        case .array(let items, let minItems, let uniqueItems):
            type("array")
            members["items"] = items.json
            if let minItems { members["minItems"] = .integer(Int64(minItems)) }
            if uniqueItems { members["uniqueItems"] = .bool(true) }
        case .object(let properties, let required, let additionalProperties):
            type("object")
            members["properties"] = .object(properties.mapValues(\.json))
            if !required.isEmpty { members["required"] = .array(required.sorted().map(JSONValue.string)) }
            members["additionalProperties"] = .bool(additionalProperties)
        }
        if let summary { members["description"] = .string(summary) }
        return .object(members)
    }

    /// A standalone schema document: ``json`` plus `$schema`, `$id` and `title`.
    public func document(id: String, title: String) -> JSONValue {
        guard case .object(var members) = json else { return json }
        members["$schema"] = .string(JSONSchema.dialect)
        members["$id"] = .string(id)
        members["title"] = .string(title)
        return .object(members)
    }
}
