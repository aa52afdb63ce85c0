/// A value type with a JSON Schema, so event schemas can be built from their parts.
///
/// Domain's wire types get theirs in `Domain+Schema.swift` (Domain knows nothing of JSON Schema).
/// String enums get one for free: the list of their raw values.
public protocol SchemaDescribed {
    /// The JSON Schema of this type's JSON form.
    static var jsonSchema: JSONSchema { get }
}

extension SchemaDescribed where Self: CaseIterable & RawRepresentable, RawValue == String {
    public static var jsonSchema: JSONSchema { .oneOf(allCases.map(\.rawValue)) }
}
