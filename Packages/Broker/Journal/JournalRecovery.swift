/// What ``Journal/init(directory:options:logger:)`` found and repaired.
public struct JournalRecovery: Sendable, Equatable {
    /// Segment files in use after recovery.
    public var segments: Int = 0
    /// Records read and verified (the active segment, tails of sealed ones, and rebuilt indexes).
    public var recordsScanned: Int = 0
    /// Bytes cut off damaged segment tails.
    public var bytesTruncated: Int64 = 0
    /// Sealed segments whose `.idx` was missing or invalid and was rebuilt by scanning.
    public var indexesRebuilt: Int = 0
    /// Segment files renamed to `*.damaged` because they no longer continue the journal.
    public var segmentsSetAside: Int = 0
    /// The first defect found; nil when the journal was clean.
    public var reason: JournalDefect?
}
