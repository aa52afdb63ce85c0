import Domain
import Foundation

/// A CloudEvents 1.0 structured-mode JSON envelope carrying one ``Event``.
///
/// ```json
/// {"correlationid": "…", "data": {…}, "datacontenttype": "application/json", "id": "…",
///  "source": "marquee/intake", "specversion": "1.0", "subject": "cmp-2026-0001",
///  "time": "2026-03-03T09:00:00.000Z", "type": "campaign.intake.held"}
/// ```
///
/// `type` is always the payload's topic, so an envelope cannot disagree with its data. ids and time are
/// passed in; ``make(_:source:causedBy:id:now:)`` is the convenience for the edge that fills them.
public struct Envelope<Payload: Event>: Sendable, Equatable, Codable {
    /// Every attribute except `data`.
    public private(set) var header: EnvelopeHeader
    /// The event.
    public let data: Payload

    /// Creates an envelope. `subject` defaults to the event's campaign; `correlationID` to `id` (a new chain).
    public init(id: UUID, source: String, time: Date, subject: CampaignID? = nil, correlationID: UUID? = nil,
                causationID: UUID? = nil, data: Payload) {
        header = EnvelopeHeader(
            id: id, source: source, type: data.topic, time: time, subject: subject ?? data.subject,
            correlationID: correlationID, causationID: causationID)
        self.data = data
    }

    /// An envelope for a new event at the edge: a fresh id, the current time rounded to the wire's
    /// millisecond, and — when `cause` is given — its correlation id and its id as causation.
    public static func make(_ data: Payload, source: String, causedBy cause: EnvelopeHeader? = nil,
                            id: UUID = UUID(), now: Date = Date()) -> Envelope {
        Envelope(
            id: id, source: source, time: MarqueeJSON.wireDate(now), correlationID: cause?.correlationID,
            causationID: cause?.id, data: data)
    }

    /// The event id.
    public var id: UUID { header.id }
    /// The producing service, e.g. `marquee/intake`.
    public var source: String { header.source }
    /// The topic: always `data.topic`.
    public var type: Topic { header.type }
    /// When the event happened.
    public var time: Date { header.time }
    /// The campaign the event is about.
    public var subject: CampaignID? { header.subject }
    /// The first event of the chain.
    public var correlationID: UUID { header.correlationID }
    /// The event that caused this one.
    public var causationID: UUID? { header.causationID }

    /// Decodes envelope bytes of this event type; `topic` is the topic frame, checked when given.
    /// A message of another type fails with `unknown_type`.
    public static func decode(_ bytes: Data, topic: String? = nil) throws(EnvelopeDecodingError) -> Envelope {
        try EnvelopeWire.decode(bytes, topic: topic) { (envelope: Envelope) in (envelope.header, envelope) }
    }

    /// The envelope as compact JSON with sorted keys.
    public func encoded() throws -> Data { try MarqueeJSON.encode(self) }

    public init(from decoder: any Decoder) throws {
        let (header, c) = try EnvelopeWire.header(from: decoder)
        guard Payload.carries(header.type) else {
            throw EnvelopeDecodingError(.unknownType, "type \"\(header.type)\", expected \(Payload.topic)")
        }
        self.header = header
        data = try EnvelopeWire.data(Payload.self, in: c, header: header)
    }

    public func encode(to encoder: any Encoder) throws {
        try EnvelopeWire.encode(header, data: data, to: encoder)
    }
}
