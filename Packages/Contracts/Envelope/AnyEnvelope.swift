import Foundation

/// An envelope of any type in an ``EventCatalog``, decoded in one pass: the header is read first, its
/// `type` picks the event type, then `data` is decoded as that type from the same parse.
///
/// ```swift
/// let message = try EventCatalog.marquee.decode(bytes, topic: frameTopic)
/// switch message.data {
/// case let held as IntakeHeld: …
/// default: …
/// }
/// ```
public struct AnyEnvelope: Sendable {
    /// Every attribute except `data`.
    public var header: EnvelopeHeader
    /// The typed event.
    public var data: any Event

    /// Creates one from a typed envelope.
    public init<Payload: Event>(_ envelope: Envelope<Payload>) {
        header = envelope.header
        data = envelope.data
    }

    /// The typed envelope, if the event is a `Payload`.
    public func typed<Payload: Event>(as type: Payload.Type = Payload.self) -> Envelope<Payload>? {
        guard let data = data as? Payload else { return nil }
        return Envelope(
            id: header.id, source: header.source, time: header.time, subject: header.subject,
            correlationID: header.correlationID, causationID: header.causationID, data: data)
    }

    /// The envelope as compact JSON with sorted keys.
    public func encoded() throws -> Data {
        try MarqueeJSON.encode(Wire(header: header, data: data))
    }

    private struct Wire: Encodable {
        var header: EnvelopeHeader
        var data: any Event
        func encode(to encoder: any Encoder) throws { try EnvelopeWire.encode(header, data: data, to: encoder) }
    }
}

extension AnyEnvelope: Equatable {
    public static func == (lhs: AnyEnvelope, rhs: AnyEnvelope) -> Bool {
        func same<E: Event>(_ left: E) -> Bool { (rhs.data as? E) == left }
        return lhs.header == rhs.header && same(lhs.data)
    }
}

/// The `Decodable` side of ``EventCatalog/decode(_:topic:)``: reads the catalog from `userInfo`.
struct CatalogEnvelope: Decodable {
    var envelope: AnyEnvelope

    init(from decoder: any Decoder) throws {
        let catalog = decoder.userInfo[EventCatalog.userInfoKey] as? EventCatalog ?? .marquee
        let (header, c) = try EnvelopeWire.header(from: decoder)
        guard let type = catalog.eventType(for: header.type) else {
            throw EnvelopeDecodingError(.unknownType, "no contract for type \"\(header.type)\"")
        }
        func decodeData<E: Event>(_ type: E.Type) throws(EnvelopeDecodingError) -> any Event {
            try EnvelopeWire.data(E.self, in: c, header: header)
        }
        envelope = AnyEnvelope(header: header, data: try decodeData(type))
    }
}

extension AnyEnvelope {
    init(header: EnvelopeHeader, data: any Event) {
        self.header = header
        self.data = data
    }
}
