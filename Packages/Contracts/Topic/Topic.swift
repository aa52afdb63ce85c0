/// A bus topic: the CloudEvents `type` of a message and the first frame on the wire.
///
/// Rules (checked by ``validate(_:)``):
/// - dot-separated segments, each `[a-z][a-z0-9_]*`, at least two name segments
///   (`campaign.intake.held`);
/// - an incompatible change gets a version suffix as the last segment, `v2`, `v3`… (`campaign.intake.held.v2`);
///   the unsuffixed name is version 1;
/// - at most 244 UTF-8 bytes, so that its dead letter `deadletter.<topic>` fits the broker's 255-byte limit;
/// - `deadletter` as first segment is reserved: the bus publishes a message it gives up on at
///   `deadletter.<original topic>` (see ``deadLetter``).
///
/// ZeroMQ subscriptions match raw byte prefixes; use ``hasPrefix(_:)`` for that and ``isWithin(_:)`` for
/// segment-aware matching (`campaign.intake` contains `campaign.intake.held` but not `campaign.intakes.x`).
public struct Topic: RawRepresentable, Sendable, Hashable, Comparable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The longest topic the broker accepts, in UTF-8 bytes.
    public static let maxBytes = 255
    /// The first segment of every dead-letter topic.
    public static let deadLetterRoot = "deadletter"
    /// `deadletter.` — the byte prefix of every dead-letter topic.
    public static let deadLetterPrefix = deadLetterRoot + "."
    /// The longest ordinary topic, in UTF-8 bytes: its dead letter must still fit ``maxBytes``.
    public static let maxOrdinaryBytes = maxBytes - deadLetterPrefix.utf8.count

    /// The topic text.
    public let rawValue: String

    /// A topic from text, if it follows the rules.
    public init?(rawValue: String) {
        guard Topic.validate(rawValue) == nil else { return nil }
        self.rawValue = rawValue
    }

    /// A topic from text, or the first rule it breaks.
    public init(validating text: String) throws(TopicViolation) {
        if let violation = Topic.validate(text) { throw violation }
        rawValue = text
    }

    /// A topic written in code. A literal that breaks the rules is a programming error and stops the process;
    /// use ``init(validating:)`` for text from outside.
    public init(stringLiteral value: String) {
        if let violation = Topic.validate(value) { preconditionFailure("invalid topic literal \"\(value)\": \(violation)") }
        rawValue = value
    }

    private init(trusted: String) { rawValue = trusted }

    /// `deadletter`: names the family of all dead-letter topics (``DeadLetter/topic``, its schema file).
    /// It is never published itself: dead letters go to `deadletter.<original topic>`.
    public static let deadLetterFamily = Topic(trusted: deadLetterRoot)

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            try self.init(validating: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "invalid topic: \(error)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }
    public static func < (lhs: Topic, rhs: Topic) -> Bool { lhs.rawValue < rhs.rawValue }

    // MARK: Structure

    /// The dot-separated segments.
    public var segments: [Substring] { rawValue.split(separator: ".") }

    /// The version: the number of a `vN` suffix, else 1.
    public var version: Int {
        guard let last = segments.last, let number = Topic.versionNumber(last) else { return 1 }
        return number
    }

    /// Whether this is a dead-letter topic (`deadletter.<original>`).
    public var isDeadLetter: Bool { rawValue.hasPrefix(Topic.deadLetterPrefix) }

    /// Where the bus publishes a message of this topic that it gives up on: `deadletter.<topic>`.
    /// A dead-letter topic is its own dead letter (dead letters are never wrapped twice).
    public var deadLetter: Topic {
        isDeadLetter ? self : Topic(trusted: Topic.deadLetterPrefix + rawValue)
    }

    /// For `deadletter.<original>`, the original topic; `nil` for ordinary topics.
    public var deadLetterOriginal: Topic? {
        guard isDeadLetter else { return nil }
        return Topic(trusted: String(rawValue.dropFirst(Topic.deadLetterPrefix.count)))
    }

    // MARK: Prefix matching

    /// ZeroMQ subscription semantics: whether the topic's bytes start with `prefix` (`""` matches all).
    public func hasPrefix(_ prefix: String) -> Bool { rawValue.utf8.starts(with: prefix.utf8) }

    /// Segment-aware matching: whether `prefix` is this topic or a whole-segment prefix of it.
    /// `campaign.intake` and `campaign.intake.` contain `campaign.intake.held`; `campaign.in` does not.
    public func isWithin(_ prefix: String) -> Bool {
        let trimmed = prefix.hasSuffix(".") ? String(prefix.dropLast()) : prefix
        if trimmed.isEmpty { return true }
        return rawValue == trimmed || rawValue.hasPrefix(trimmed + ".")
    }

    // MARK: Validation

    /// The first rule `text` breaks, or `nil` when it is a valid topic.
    public static func validate(_ text: String) -> TopicViolation? {
        if text.isEmpty { return .empty }
        if text.hasPrefix(deadLetterPrefix) || text == deadLetterRoot {
            let byteCount = text.utf8.count
            if byteCount > maxBytes { return .tooLong(bytes: byteCount, limit: maxBytes) }
            let original = String(text.dropFirst(deadLetterPrefix.count))
            if original.isEmpty || original == deadLetterRoot || original.hasPrefix(deadLetterPrefix) {
                return .invalidDeadLetter
            }
            return validateOrdinary(original) == nil ? nil : .invalidDeadLetter
        }
        return validateOrdinary(text)
    }

    private static func validateOrdinary(_ text: String) -> TopicViolation? {
        let byteCount = text.utf8.count
        if byteCount > maxOrdinaryBytes { return .tooLong(bytes: byteCount, limit: maxOrdinaryBytes) }
        let segments = text.split(separator: ".", omittingEmptySubsequences: false)
        for (index, segment) in segments.enumerated() {
            if segment.isEmpty { return .emptySegment(index: index) }
            if !isName(segment) { return .invalidSegment(String(segment)) }
            if isVersionShaped(segment) {
                if index != segments.count - 1 { return .misplacedVersion(String(segment)) }
                if versionNumber(segment) == nil { return .invalidVersion(String(segment)) }
            }
        }
        let nameSegments = segments.last.map(isVersionShaped) == true ? segments.count - 1 : segments.count
        return nameSegments < 2 ? .tooFewSegments : nil
    }

    private static func isName(_ segment: Substring) -> Bool {
        guard let first = segment.utf8.first, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first) else {
            return false
        }
        return segment.utf8.allSatisfy {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
                || $0 == UInt8(ascii: "_")
        }
    }

    /// `v` followed by digits only.
    private static func isVersionShaped(_ segment: Substring) -> Bool {
        segment.count >= 2 && segment.first == "v" && segment.dropFirst().allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// N for a `vN` segment with N ≥ 2 and no leading zero.
    private static func versionNumber(_ segment: Substring) -> Int? {
        guard isVersionShaped(segment), segment.dropFirst().first != "0", let number = Int(segment.dropFirst()),
            number >= 2
        else { return nil }
        return number
    }
}
