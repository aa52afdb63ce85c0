import Contracts
import Foundation
import Testing

/// A schema, a JSON text, and the paths of the violations expected (empty when valid).
struct SchemaCase: Sendable, CustomTestStringConvertible {
    var name: String
    var schema: JSONSchema
    var json: String
    var violations: [String]
    var testDescription: String { name }
}

@Suite struct JSONSchemaTests {
    static let person = JSONSchema.object(
        required: ["name": .string(minLength: 1), "age": .integer(minimum: 0)],
        optional: ["email": JSONSchema.string(pattern: "^[^@]+@[^@]+$").orNull()], additionalProperties: false)

    @Test(arguments: [
        SchemaCase(name: "valid object", schema: person, json: #"{"name": "Ana", "age": 31}"#, violations: []),
        SchemaCase(name: "null where nullable", schema: person, json: #"{"name": "Ana", "age": 31, "email": null}"#,
                   violations: []),
        SchemaCase(name: "missing and extra members", schema: person, json: #"{"nick": "A"}"#,
                   violations: ["age", "name", "nick"]),
        SchemaCase(name: "wrong types", schema: person, json: #"{"name": 1, "age": 1.5}"#, violations: ["age", "name"]),
        SchemaCase(name: "integral number is an integer", schema: .integer(), json: "2.0", violations: []),
        SchemaCase(name: "bounds", schema: .integer(minimum: 1, maximum: 3), json: "0",
                   violations: ["(root)"]),
        SchemaCase(name: "pattern", schema: person, json: #"{"name": "Ana", "age": 1, "email": "nope"}"#,
                   violations: ["email"]),
        SchemaCase(name: "empty string below minLength", schema: person, json: #"{"name": "", "age": 1}"#,
                   violations: ["name"]),
        SchemaCase(name: "null not allowed", schema: .string(), json: "null", violations: ["(root)"]),
        SchemaCase(name: "const", schema: .constant("1.0"), json: #""0.3""#, violations: ["(root)"]),
        SchemaCase(name: "enum", schema: .oneOf(["a", "b"]), json: #""b""#, violations: []),
        SchemaCase(name: "array items, minItems, unique",
                   schema: .array(of: .oneOf(["a", "b"]), minItems: 3, uniqueItems: true), json: #"["a", "a"]"#,
                   violations: ["(root)", "(root)"]),
        SchemaCase(name: "item path", schema: .array(of: .boolean), json: #"[true, "x"]"#, violations: ["[1]"]),
        SchemaCase(name: "date-time format", schema: .string(format: .dateTime), json: #""2026-03-03""#,
                   violations: ["(root)"]),
        SchemaCase(name: "date format", schema: .string(format: .date), json: #""2026-02-29""#, violations: ["(root)"]),
        SchemaCase(name: "uuid format", schema: .string(format: .uuid), json: #""6f1c2a10-0000-4000-8000-000000000001""#,
                   violations: []),
        SchemaCase(name: "uri-reference format", schema: .string(format: .uriReference), json: #""marquee intake""#,
                   violations: ["(root)"]),
        SchemaCase(name: "any", schema: .any, json: #"{"x": [null]}"#, violations: []),
        SchemaCase(name: "not JSON", schema: .any, json: "{", violations: ["(root)"]),
    ])
    func validatorChecksEveryKeyword(_ row: SchemaCase) {
        #expect(row.schema.validate(json: Data(row.json.utf8)).map(\.path) == row.violations)
    }

    @Test func rendersDraft2020Keywords() throws {
        let document = Self.person.document(id: "urn:test", title: "Person")
        let text = String(decoding: try MarqueeJSON.encode(document), as: UTF8.self)
        #expect(text == #"{"$id":"urn:test","$schema":"https://json-schema.org/draft/2020-12/schema","#
            + #""additionalProperties":false,"properties":{"age":{"minimum":0,"type":"integer"},"#
            + #""email":{"pattern":"^[^@]+@[^@]+$","type":["string","null"]},"name":{"minLength":1,"type":"string"}},"#
            + #""required":["age","name"],"title":"Person","type":"object"}"#)
    }

    @Test func nullableEnumListsNull() {
        #expect(JSONSchema.oneOf(["a"]).orNull().json["enum"] == .array([.string("a"), .null]))
        #expect(JSONSchema.constant("a").json["const"] == .string("a"))
    }

    @Test func everyEventSchemaRejectsAnEmptyObject() {
        for type in EventCatalog.marquee.types {
            #expect(!type.schema.validate(.object([:])).isEmpty, "\(type.typeName)")
            #expect(!type.envelopeSchema.validate(.object([:])).isEmpty, "\(type.typeName)")
        }
    }
}
