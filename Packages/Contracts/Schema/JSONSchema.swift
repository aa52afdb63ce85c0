/// A JSON Schema (draft 2020-12) of the small subset Marquee's contracts use: typed values, string
/// formats/patterns/enums, arrays, objects with required and optional members, nullability.
///
/// ```swift
/// static var schema: JSONSchema {
///     .object(required: ["campaign_id": CampaignID.jsonSchema, "missing": .array(of: MVPField.jsonSchema, minItems: 1)],
///             optional: ["note": .string()])
/// }
/// ```
///
/// ``json`` renders it; ``validate(_:)`` checks a ``JSONValue`` against it (see `JSONSchema+Validation.swift`).
public struct JSONSchema: Sendable, Hashable {
    /// What kind of JSON value is allowed, with its constraints.
    public indirect enum Kind: Sendable, Hashable {
        /// Any value.
        case any
        /// A string.
        case string(StringRules)
        /// An integer, optionally bounded (inclusive).
        case integer(minimum: Int64?, maximum: Int64?)
        /// A number, optionally bounded (inclusive).
        case number(minimum: Double?, maximum: Double?)
        /// `true` or `false`.
        case boolean
        /// An array whose items all match `items`.
        case array(items: JSONSchema, minItems: Int?, uniqueItems: Bool)
        /// An object; `required` names members that must be present.
        case object(properties: [String: JSONSchema], required: [String], additionalProperties: Bool)
    }

    /// Constraints on a string.
    public struct StringRules: Sendable, Hashable {
        /// The allowed values, if limited; one value renders as `const`.
        public var allowed: [String]?
        /// A format the value must have.
        public var format: StringFormat?
        /// An ECMA-262 regular expression the value must match (searched, so anchor it).
        public var pattern: String?
        /// The fewest Unicode scalars.
        public var minLength: Int?
        /// The most Unicode scalars.
        public var maxLength: Int?

        /// Creates string constraints.
        public init(allowed: [String]? = nil, format: StringFormat? = nil, pattern: String? = nil,
                    minLength: Int? = nil, maxLength: Int? = nil) {
            self.allowed = allowed
            self.format = format
            self.pattern = pattern
            self.minLength = minLength
            self.maxLength = maxLength
        }
    }

    /// The string formats Marquee uses and the validator checks.
    public enum StringFormat: String, Sendable, Hashable, CaseIterable {
        /// RFC 3339 `date-time`.
        case dateTime = "date-time"
        /// RFC 3339 `full-date`.
        case date
        /// RFC 4122 UUID text.
        case uuid
        /// RFC 3986 URI reference (checked loosely: non-empty printable ASCII without spaces).
        case uriReference = "uri-reference"
    }

    /// The allowed kind of value.
    public var kind: Kind
    /// Whether `null` is also allowed.
    public var nullable: Bool
    /// A human description, rendered as `description`.
    public var summary: String?

    /// Creates a schema.
    public init(_ kind: Kind, nullable: Bool = false, summary: String? = nil) {
        self.kind = kind
        self.nullable = nullable
        self.summary = summary
    }

    // MARK: Builders

    /// Any value.
    public static let any = JSONSchema(.any)
    /// `true` or `false`.
    public static let boolean = JSONSchema(.boolean)

    /// A string with optional constraints.
    public static func string(format: StringFormat? = nil, pattern: String? = nil, minLength: Int? = nil,
                              maxLength: Int? = nil) -> JSONSchema {
        JSONSchema(.string(StringRules(format: format, pattern: pattern, minLength: minLength, maxLength: maxLength)))
    }

    /// Exactly the string `value`.
    public static func constant(_ value: String) -> JSONSchema { JSONSchema(.string(StringRules(allowed: [value]))) }

    /// One of the strings `values`.
    public static func oneOf(_ values: [String]) -> JSONSchema { JSONSchema(.string(StringRules(allowed: values))) }

    /// An integer, optionally bounded (inclusive).
    public static func integer(minimum: Int64? = nil, maximum: Int64? = nil) -> JSONSchema {
        JSONSchema(.integer(minimum: minimum, maximum: maximum))
    }

    /// A number, optionally bounded (inclusive).
    public static func number(minimum: Double? = nil, maximum: Double? = nil) -> JSONSchema {
        JSONSchema(.number(minimum: minimum, maximum: maximum))
    }

    /// An array of `items`.
    public static func array(of items: JSONSchema, minItems: Int? = nil, uniqueItems: Bool = false) -> JSONSchema {
        JSONSchema(.array(items: items, minItems: minItems, uniqueItems: uniqueItems))
    }

    /// An object with `required` and `optional` members. Extra members are allowed by default (tolerant
    /// readers: adding an optional field is a compatible change; incompatible ones get a `.vN` topic).
    public static func object(required: [String: JSONSchema], optional: [String: JSONSchema] = [:],
                              additionalProperties: Bool = true) -> JSONSchema {
        JSONSchema(
            .object(
                properties: required.merging(optional) { first, _ in first }, required: required.keys.sorted(),
                additionalProperties: additionalProperties))
    }

    // MARK: Modifiers

    /// This schema, also allowing `null`.
    public func orNull() -> JSONSchema {
        var copy = self
        copy.nullable = true
        return copy
    }

    /// This schema with a description.
    public func described(_ text: String) -> JSONSchema {
        var copy = self
        copy.summary = text
        return copy
    }
}
