import Domain
import Foundation

/// The CloudEvents 1.0 structured-mode JSON shape shared by ``Envelope``, ``EnvelopeHeader`` and
/// ``AnyEnvelope``: attribute names and the order in which decoding checks them.
enum EnvelopeWire {
    enum Key: String, CodingKey {
        case specversion, id, source, type, time, subject, datacontenttype, data, correlationid, causationid
    }

    /// Runs a JSON decode whose `init(from:)` throws ``EnvelopeDecodingError``; anything else the JSON
    /// layer throws means the bytes are not JSON. Then checks the topic frame (if given) against `type`.
    static func decode<Wire: Decodable, Result>(
        _ bytes: Data, topic: String?, catalog: EventCatalog? = nil, _ extract: (Wire) -> (EnvelopeHeader, Result)
    ) throws(EnvelopeDecodingError) -> Result {
        let decoder = MarqueeJSON.decoder()
        if let catalog { decoder.userInfo[EventCatalog.userInfoKey] = catalog }
        let wire: Wire
        do {
            wire = try decoder.decode(Wire.self, from: bytes)
        } catch let error as EnvelopeDecodingError {
            throw error
        } catch {
            throw EnvelopeDecodingError(.malformedJSON, "not JSON: \(describe(error))")
        }
        let (header, result) = extract(wire)
        if let topic, topic != header.type.rawValue {
            throw EnvelopeDecodingError(.topicMismatch, "topic frame \"\(topic)\", type \"\(header.type)\"")
        }
        return result
    }

    /// Decodes and checks every header attribute, in this order: object shape, `specversion`, `type`
    /// (topic rules), `datacontenttype`, then the rest. Returns the container for decoding `data`.
    static func header(from decoder: any Decoder) throws(EnvelopeDecodingError)
        -> (header: EnvelopeHeader, container: KeyedDecodingContainer<Key>)
    {
        let c: KeyedDecodingContainer<Key>
        do { c = try decoder.container(keyedBy: Key.self) } catch {
            throw EnvelopeDecodingError(.schemaViolation, "(root): expected a JSON object")
        }
        func attempt<T>(_ body: () throws -> T) throws(EnvelopeDecodingError) -> T {
            do { return try body() } catch { throw EnvelopeDecodingError.schemaViolation(error) }
        }
        let specVersion = try attempt { try c.decode(String.self, forKey: .specversion) }
        guard specVersion == EnvelopeHeader.specVersion else {
            throw EnvelopeDecodingError(.unsupportedSpecVersion, "specversion \"\(specVersion)\", expected \"1.0\"")
        }
        let typeText = try attempt { try c.decode(String.self, forKey: .type) }
        let type: Topic
        do { type = try Topic(validating: typeText) } catch {
            throw EnvelopeDecodingError(.invalidTopic, "type \"\(typeText)\": \(error.reason)")
        }
        let contentType = try attempt { try c.decodeIfPresent(String.self, forKey: .datacontenttype) }
        if let contentType, contentType != EnvelopeHeader.contentType {
            throw EnvelopeDecodingError(.unsupportedContentType, "datacontenttype \"\(contentType)\"")
        }
        let id = try uuid(c, .id)
        let source = try attempt { try c.decode(String.self, forKey: .source) }
        guard isURIReference(source) else {
            throw EnvelopeDecodingError(.schemaViolation, "source: expected a non-empty URI reference")
        }
        let time = try attempt { try c.decode(Date.self, forKey: .time) }
        let subject = try attempt { try c.decodeIfPresent(CampaignID.self, forKey: .subject) }
        if let subject, subject.rawValue.isEmpty {
            throw EnvelopeDecodingError(.schemaViolation, "subject: must not be empty")
        }
        let header = EnvelopeHeader(
            id: id, source: source, type: type, time: time, subject: subject,
            correlationID: try optionalUUID(c, .correlationid), causationID: try optionalUUID(c, .causationid))
        return (header, c)
    }

    /// Decodes `data` as `Payload`, reporting failures as schema violations under `data.`.
    static func data<Payload: Event>(_ type: Payload.Type, in c: KeyedDecodingContainer<Key>, header: EnvelopeHeader)
        throws(EnvelopeDecodingError) -> Payload
    {
        let data: Payload
        do { data = try c.decode(Payload.self, forKey: .data) } catch {
            throw EnvelopeDecodingError.schemaViolation(error)
        }
        guard data.topic == header.type else {
            throw EnvelopeDecodingError(.schemaViolation, "data: belongs to \(data.topic), type is \(header.type)")
        }
        return data
    }

    static func encode(_ header: EnvelopeHeader, data: some Encodable, to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(EnvelopeHeader.specVersion, forKey: .specversion)
        try c.encode(header.id.uuidString.lowercased(), forKey: .id)
        try c.encode(header.source, forKey: .source)
        try c.encode(header.type, forKey: .type)
        try c.encode(header.time, forKey: .time)
        try c.encodeIfPresent(header.subject, forKey: .subject)
        try c.encode(EnvelopeHeader.contentType, forKey: .datacontenttype)
        try c.encode(header.correlationID.uuidString.lowercased(), forKey: .correlationid)
        try c.encodeIfPresent(header.causationID?.uuidString.lowercased(), forKey: .causationid)
        try c.encode(data, forKey: .data)
    }

    private static func uuid(_ c: KeyedDecodingContainer<Key>, _ key: Key) throws(EnvelopeDecodingError) -> UUID {
        guard let value = try optionalUUID(c, key) else {
            throw EnvelopeDecodingError(.schemaViolation, "\(key.rawValue): missing")
        }
        return value
    }

    private static func optionalUUID(_ c: KeyedDecodingContainer<Key>, _ key: Key) throws(EnvelopeDecodingError)
        -> UUID?
    {
        let text: String?
        do { text = try c.decodeIfPresent(String.self, forKey: key) } catch {
            throw EnvelopeDecodingError.schemaViolation(error)
        }
        guard let text else { return nil }
        guard let value = UUID(uuidString: text) else {
            throw EnvelopeDecodingError(.schemaViolation, "\(key.rawValue): \"\(text)\" is not a UUID")
        }
        return value
    }

    /// A loose RFC 3986 URI-reference check: non-empty, printable ASCII, no spaces.
    static func isURIReference(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") }
    }

    private static func describe(_ error: any Error) -> String {
        if case .dataCorrupted(let context)? = error as? DecodingError {
            if let underlying = context.underlyingError { return "\(underlying)" }
            return context.debugDescription
        }
        return "\(error)"
    }
}
