extension JSONSchema {
    /// A topic: the rules of ``Topic`` that a regular expression can state (segments, length).
    public static var topic: JSONSchema {
        JSONSchema.string(pattern: "^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+$", maxLength: Topic.maxBytes)
    }

    /// A dead-letter topic, `deadletter.<original topic>`.
    public static var deadLetterTopic: JSONSchema {
        JSONSchema.string(pattern: "^deadletter(\\.[a-z][a-z0-9_]*){2,}$", maxLength: Topic.maxBytes)
    }

    /// The CloudEvents 1.0 structured JSON envelope with `type` and `data` as given. Extra members are
    /// allowed: CloudEvents extension attributes.
    public static func envelope(type: JSONSchema, data: JSONSchema) -> JSONSchema {
        let uuid = JSONSchema.string(format: .uuid)
        return JSONSchema.object(
            required: [
                "specversion": JSONSchema.constant(EnvelopeHeader.specVersion).described("CloudEvents version"),
                "id": uuid.described("Unique event id; consumers dedupe on it"),
                "source": JSONSchema.string(format: .uriReference, minLength: 1)
                    .described("Producing service, e.g. marquee/intake"),
                "type": type.described("The topic"),
                "time": JSONSchema.string(format: .dateTime).described("When it happened, RFC 3339 UTC"),
                "data": data,
            ],
            optional: [
                "subject": JSONSchema.string(minLength: 1).described("The campaign id"),
                "datacontenttype": JSONSchema.constant(EnvelopeHeader.contentType),
                "correlationid": uuid.described("Id of the first event of the chain; absent means this id"),
                "causationid": uuid.described("Id of the event that caused this one"),
            ])
    }

    /// The envelope of any Marquee event (`envelope.schema.json`).
    public static var anyEnvelope: JSONSchema {
        envelope(type: .topic, data: .object(required: [:]))
    }
}

extension Event {
    /// The schema of a whole envelope of this event: `type` fixed to ``Event/topic``, `data` this ``Event/schema``.
    public static var envelopeSchema: JSONSchema {
        JSONSchema.envelope(type: .constant(topic.rawValue), data: schema)
    }
}
