import Foundation

/// `deadletter.<original topic>`: a message the bus or a service gave up on, published so an operator can
/// see, fix and replay it. The original stays in the journal at ``seq``.
public struct DeadLetter: Event {
    /// The family name `deadletter`; each dead letter is published at ``originalTopic``'s dead-letter topic.
    public static let topic: Topic = .deadLetterFamily

    /// The topic the message was published at.
    public var originalTopic: Topic
    /// Its global sequence number in the journal.
    public var seq: UInt64
    /// Why it was given up on.
    public var reason: DeadLetterReason
    /// What exactly was wrong, for people.
    public var detail: String
    /// How many times it was delivered: 1 for a message rejected on first sight.
    public var attempts: Int
    /// The last worker (queue-group member or service instance) that had it.
    public var lastWorker: String?
    /// The original event id, when its envelope could be read.
    public var originalID: UUID?

    /// Creates a dead letter.
    public init(originalTopic: Topic, seq: UInt64, reason: DeadLetterReason, detail: String, attempts: Int,
                lastWorker: String? = nil, originalID: UUID? = nil) {
        self.originalTopic = originalTopic
        self.seq = seq
        self.reason = reason
        self.detail = detail
        self.attempts = attempts
        self.lastWorker = lastWorker
        self.originalID = originalID
    }

    /// `deadletter.<original topic>`.
    public var topic: Topic { originalTopic.deadLetter }

    public static func carries(_ type: Topic) -> Bool { type.isDeadLetter }

    public static var schema: JSONSchema {
        JSONSchema.object(
            required: [
                "original_topic": JSONSchema.topic, "seq": JSONSchema.integer(minimum: 0),
                "reason": DeadLetterReason.jsonSchema, "detail": JSONSchema.string(),
                "attempts": JSONSchema.integer(minimum: 1),
            ],
            optional: [
                "last_worker": JSONSchema.string(minLength: 1),
                "original_id": JSONSchema.string(format: .uuid),
            ]
        ).described("A message given up on; the original stays in the journal at seq")
    }

    public static var envelopeSchema: JSONSchema { JSONSchema.envelope(type: .deadLetterTopic, data: schema) }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        originalTopic = try c.decode(Topic.self, forKey: .originalTopic)
        guard !originalTopic.isDeadLetter else {
            throw DecodingError.dataCorruptedError(
                forKey: .originalTopic, in: c, debugDescription: "a dead letter's original is never a dead letter")
        }
        seq = try c.decode(UInt64.self, forKey: .seq)
        reason = try c.decode(DeadLetterReason.self, forKey: .reason)
        detail = try c.decode(String.self, forKey: .detail)
        attempts = try c.decode(Int.self, forKey: .attempts)
        lastWorker = try c.decodeIfPresent(String.self, forKey: .lastWorker)
        originalID = try c.decodeIfPresent(UUID.self, forKey: .originalID)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(originalTopic, forKey: .originalTopic)
        try c.encode(seq, forKey: .seq)
        try c.encode(reason, forKey: .reason)
        try c.encode(detail, forKey: .detail)
        try c.encode(attempts, forKey: .attempts)
        try c.encodeIfPresent(lastWorker, forKey: .lastWorker)
        try c.encodeIfPresent(originalID?.uuidString.lowercased(), forKey: .originalID)
    }

    private enum CodingKeys: String, CodingKey {
        case originalTopic = "original_topic"
        case seq
        case reason
        case detail
        case attempts
        case lastWorker = "last_worker"
        case originalID = "original_id"
    }
}

extension DeadLetterReason: SchemaDescribed {}
