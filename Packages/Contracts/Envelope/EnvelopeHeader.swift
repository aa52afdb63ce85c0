import Domain
import Foundation

/// Every envelope attribute except `data`: what a service needs to log, dedupe, route and dispatch a
/// message. ``decode(_:topic:)`` reads it without knowing the event type (for `marquee tail`, the bus).
public struct EnvelopeHeader: Sendable, Hashable {
    /// The CloudEvents version Marquee speaks.
    public static let specVersion = "1.0"
    /// The only `datacontenttype` Marquee writes or accepts.
    public static let contentType = "application/json"

    /// Unique per event; producers re-send with the same id, consumers dedupe on it.
    public var id: UUID
    /// The producing service as a URI reference, e.g. `marquee/intake`.
    public var source: String
    /// The topic, e.g. `campaign.intake.held`.
    public var type: Topic
    /// When the event happened (UTC, millisecond precision on the wire).
    public var time: Date
    /// The campaign the event is about.
    public var subject: CampaignID?
    /// The id of the first event of the chain; equals ``id`` for an event that starts one.
    public var correlationID: UUID
    /// The id of the event that directly caused this one; `nil` for the first of a chain.
    public var causationID: UUID?

    /// Creates a header; `time` is kept as given.
    public init(id: UUID, source: String, type: Topic, time: Date, subject: CampaignID? = nil,
                correlationID: UUID? = nil, causationID: UUID? = nil) {
        self.id = id
        self.source = source
        self.type = type
        self.time = time
        self.subject = subject
        self.correlationID = correlationID ?? id
        self.causationID = causationID
    }

    /// Decodes the header of envelope bytes, ignoring `data` and whether its type is known.
    /// `topic` is the topic frame the bytes arrived with, checked against `type` when given.
    public static func decode(_ bytes: Data, topic: String? = nil) throws(EnvelopeDecodingError) -> EnvelopeHeader {
        try EnvelopeWire.decode(bytes, topic: topic) { (wire: HeaderOnly) in (wire.header, wire.header) }
    }

    private struct HeaderOnly: Decodable {
        var header: EnvelopeHeader
        init(from decoder: any Decoder) throws {
            header = try EnvelopeWire.header(from: decoder).header
        }
    }
}
