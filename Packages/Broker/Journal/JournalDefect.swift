/// What is wrong with a record or segment that failed validation.
public enum JournalDefect: Sendable, Equatable, CustomStringConvertible {
    /// The record's declared length runs past the end of the file (a torn write).
    case truncatedRecord
    /// The body length is below the fixed header or above the format limit (zero-filled tail, garbage).
    case invalidLength(UInt32)
    /// The body's CRC-32C does not match the stored one (bit flip, partial overwrite).
    case checksumMismatch
    /// The record carries another seq than the one that must follow its predecessor.
    case unexpectedSeq(expected: UInt64, found: UInt64)
    /// The topic, id and identity lengths do not fit in the body.
    case inconsistentLengths
    /// A segment file does not start where the previous segment ended.
    case segmentGap(expected: UInt64, found: UInt64)

    public var description: String {
        switch self {
        case .truncatedRecord: "record runs past the end of the file (torn write)"
        case .invalidLength(let length): "invalid body length \(length)"
        case .checksumMismatch: "CRC-32C mismatch"
        case .unexpectedSeq(let expected, let found): "seq \(found) where \(expected) was expected"
        case .inconsistentLengths: "field lengths exceed the body"
        case .segmentGap(let expected, let found): "segment starts at seq \(found) where \(expected) was expected"
        }
    }
}
