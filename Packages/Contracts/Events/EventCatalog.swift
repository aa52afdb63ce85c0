import Foundation

/// Every event type a Marquee process understands: the source for dispatch, schema export and AsyncAPI.
///
/// ```swift
/// let message = try EventCatalog.marquee.decode(bytes, topic: frameTopic)   // one parse
/// if let held = message.typed(as: IntakeHeld.self) { … }
/// ```
public struct EventCatalog: Sendable {
    /// The event types, in production-line order.
    public let types: [any Event.Type]

    /// A catalog of `types`; topics must be distinct.
    public init(_ types: [any Event.Type]) {
        self.types = types
    }

    /// Every contract Marquee defines. Add new event types here.
    public static let marquee = EventCatalog([
        RequestSubmitted.self,
        RequestResubmitted.self,
        CampaignCommandIssued.self,
        CommandRejected.self,
        DocumentSubmitted.self,
        CampaignFactRecorded.self,
        IntakeHeld.self,
        IntakeTriaged.self,
        CampaignAssigned.self,
        EscalationRaised.self,
        QAReportReady.self,
        ReportWarningRaised.self,
        NotificationInbox.self,
        NotificationFailed.self,
        TemplateMissing.self,
        DeadLetter.self,
    ])

    static let userInfoKey = CodingUserInfoKey(rawValue: "marquee.eventCatalog")!

    /// The topic of every type (`deadletter` stands for all dead-letter topics).
    public var topics: [Topic] { types.map { $0.topic } }

    /// The event type envelopes of `type` carry, if any.
    public func eventType(for type: Topic) -> (any Event.Type)? {
        types.first { $0.topic == type } ?? types.first { $0.carries(type) }
    }

    /// The event type for a topic given as text (as on the command line), if any.
    public func eventType(named text: String) -> (any Event.Type)? {
        if text == Topic.deadLetterRoot { return eventType(for: .deadLetterFamily) }
        return Topic(rawValue: text).flatMap(eventType(for:))
    }

    /// Decodes envelope bytes of any type in the catalog in one pass. `topic` is the topic frame the
    /// bytes came with, checked against `type` when given. Errors carry the dead-letter reason.
    public func decode(_ bytes: Data, topic: String? = nil) throws(EnvelopeDecodingError) -> AnyEnvelope {
        try EnvelopeWire.decode(bytes, topic: topic, catalog: self) { (wire: CatalogEnvelope) in
            (wire.envelope.header, wire.envelope)
        }
    }

    /// Validates raw envelope bytes against the JSON Schema of their type (the generic envelope schema
    /// when the type is unknown) — what a non-Swift consumer's validator would report.
    public func validate(_ bytes: Data) -> [SchemaViolation] {
        guard let value = JSONValue.parse(bytes) else { return [SchemaViolation(path: "(root)", message: "not JSON")] }
        guard case .string(let text)? = value["type"], let topic = Topic(rawValue: text),
            let type = eventType(for: topic)
        else { return JSONSchema.anyEnvelope.validate(value) }
        return type.envelopeSchema.validate(value)
    }
}
