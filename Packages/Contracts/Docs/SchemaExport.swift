/// The JSON Schema files `marquee schema --out` writes and `docs/schemas/` holds: one
/// `<topic>.schema.json` per event (the whole envelope, `data` included) and `envelope.schema.json`.
public enum SchemaExport {
    /// One generated file.
    public struct File: Sendable, Hashable {
        /// The file name, e.g. `campaign.intake.held.schema.json`.
        public var name: String
        /// The pretty-printed JSON, keys sorted, ending in a newline.
        public var text: String
    }

    /// The file name for an event type's envelope schema.
    public static func fileName(for type: any Event.Type) -> String { "\(type.topic.rawValue).schema.json" }

    /// The standalone envelope schema document of an event type.
    public static func document(for type: any Event.Type) -> JSONValue {
        type.envelopeSchema.document(
            id: "urn:marquee:schema:\(type.topic.rawValue)", title: "\(type.typeName) envelope (\(type.topic))")
    }

    /// The generic envelope schema document: any type, any object as `data`.
    public static var envelopeDocument: JSONValue {
        JSONSchema.anyEnvelope.document(id: "urn:marquee:schema:envelope", title: "Marquee CloudEvents 1.0 envelope")
    }

    /// Every file, sorted by name.
    public static func files(catalog: EventCatalog = .marquee) throws -> [File] {
        var files = [File(name: "envelope.schema.json", text: try MarqueeJSON.prettyText(envelopeDocument))]
        for type in catalog.types {
            files.append(File(name: fileName(for: type), text: try MarqueeJSON.prettyText(document(for: type))))
        }
        return files.sorted { $0.name < $1.name }
    }
}
