/// Why a text is not a valid ``Topic``. Each case has a stable snake_case ``reason``.
public enum TopicViolation: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text is empty.
    case empty
    /// Longer than the limit in UTF-8 bytes (255 for dead-letter topics, 244 for the rest so that
    /// `deadletter.<topic>` always fits).
    case tooLong(bytes: Int, limit: Int)
    /// Fewer than two name segments (a version suffix does not count).
    case tooFewSegments
    /// Two dots in a row, or a leading or trailing dot.
    case emptySegment(index: Int)
    /// A segment that is not `[a-z][a-z0-9_]*`.
    case invalidSegment(String)
    /// A version segment (`v2`, `v3`…) that is not the last segment.
    case misplacedVersion(String)
    /// A version suffix of `v0`, `v1` or with a leading zero: versions start at `v2`, `v1` is the unsuffixed name.
    case invalidVersion(String)
    /// `deadletter.` not followed by a valid ordinary topic (including `deadletter.deadletter.…`).
    case invalidDeadLetter

    /// The stable reason string, e.g. `"too_few_segments"`.
    public var reason: String {
        switch self {
        case .empty: "empty"
        case .tooLong: "too_long"
        case .tooFewSegments: "too_few_segments"
        case .emptySegment: "empty_segment"
        case .invalidSegment: "invalid_segment"
        case .misplacedVersion: "misplaced_version"
        case .invalidVersion: "invalid_version"
        case .invalidDeadLetter: "invalid_deadletter"
        }
    }

    public var description: String {
        switch self {
        case .empty: "topic is empty"
        case .tooLong(let bytes, let limit): "topic is \(bytes) bytes, the limit is \(limit)"
        case .tooFewSegments: "topic needs at least two segments"
        case .emptySegment(let index): "segment \(index) is empty"
        case .invalidSegment(let segment): "segment \"\(segment)\" is not [a-z][a-z0-9_]*"
        case .misplacedVersion(let segment): "version segment \"\(segment)\" must be last"
        case .invalidVersion(let segment): "version segment \"\(segment)\" must be v2 or higher, without leading zero"
        case .invalidDeadLetter: "deadletter. must be followed by an ordinary topic"
        }
    }
}
