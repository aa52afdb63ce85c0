import Domain

/// A message type on the bus: the `data` of an ``Envelope``, with its topic and its JSON Schema.
///
/// ```swift
/// public struct IntakeHeld: Event {
///     public static let topic: Topic = "campaign.intake.held"
///     public static var schema: JSONSchema { .object([...]) }
///     public var campaignID: CampaignID
///     ...
/// }
/// let envelope = Envelope.make(held, source: "marquee/intake", causedBy: submitted.header)
/// ```
///
/// Naming: topic `campaign.intake.held` is type `IntakeHeld`; its incompatible successor
/// `campaign.intake.held.v2` is `IntakeHeldV2`, a new type beside the old one. Register every type in
/// ``EventCatalog/marquee``.
public protocol Event: Codable, Sendable, Equatable {
    /// The topic envelopes of this type are published at (their CloudEvents `type`).
    static var topic: Topic { get }
    /// The JSON Schema (draft 2020-12) of this event's `data`.
    static var schema: JSONSchema { get }

    /// The topic this value is published at. Defaults to ``topic``; a dead letter's depends on its original.
    var topic: Topic { get }
    /// The campaign this event is about: the envelope's `subject`. Defaults to none.
    var subject: CampaignID? { get }
    /// Whether an envelope whose `type` is `type` carries this event. Defaults to `type == topic`.
    static func carries(_ type: Topic) -> Bool
    /// The JSON Schema of a whole envelope of this event. Defaults to the envelope with `type` fixed to
    /// ``topic`` and `data` ``schema``.
    static var envelopeSchema: JSONSchema { get }
}

extension Event {
    public var topic: Topic { Self.topic }
    public var subject: CampaignID? { nil }
    public static func carries(_ type: Topic) -> Bool { type == topic }

    /// The type name used in schema titles and AsyncAPI components, e.g. `IntakeHeld`.
    public static var typeName: String { String(describing: Self.self) }
}
