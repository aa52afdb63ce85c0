/// Why a message was dead-lettered. The raw values are stable wire strings, listed in `docs/protocol.md`.
public enum DeadLetterReason: String, Sendable, Hashable, Codable, CaseIterable {
    /// The payload is not JSON.
    case malformedJSON = "malformed_json"
    /// `specversion` is not `"1.0"`.
    case unsupportedSpecVersion = "unsupported_specversion"
    /// `datacontenttype` is present and not `application/json`.
    case unsupportedContentType = "unsupported_content_type"
    /// `type` does not follow the topic rules.
    case invalidTopic = "invalid_topic"
    /// `type` is a valid topic that no contract describes.
    case unknownType = "unknown_type"
    /// The topic frame and the envelope's `type` differ.
    case topicMismatch = "topic_mismatch"
    /// Valid JSON of a known type that does not match its schema (missing field, wrong type, bad value).
    case schemaViolation = "schema_violation"
    /// A queue-group message was leased and not acked too many times.
    case maxAttemptsExceeded = "max_attempts_exceeded"
    /// The handler gave up on a well-formed message (its detail says why).
    case handlerRejected = "handler_rejected"
}
