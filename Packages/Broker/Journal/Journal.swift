import Logging

/// The broker's append-only, CRC-checked message journal: a directory of segment files (format in
/// ``JournalFormat``) with a sparse seq → offset index per segment kept in memory.
///
/// Writes are batched: ``append(topic:id:identity:payload:time:)`` stages records in memory, and
/// ``commit()`` stores the batch with one write per touched segment and, under ``FlushPolicy/fsync``,
/// one `fdatasync`. Opening recovers: a torn or corrupt tail is truncated and logged (see
/// ``recovery``). Owned by one thread; not `Sendable`.
public final class Journal {
    /// What recovery at open found and repaired.
    public let recovery: JournalRecovery

    let options: JournalOptions
    let logger: Logger
    let directory: JournalDirectory
    /// Oldest first; never empty; the last one is the active segment.
    var segments: [JournalSegment]
    /// The active segment's file.
    var activeFile: JournalFile
    /// Sum of the segments' committed sizes.
    var totalSize: Int64
    /// Staged, uncommitted records.
    var staging = JournalStagingBuffer(capacity: 1 << 20)
    /// Runs of the staged bytes that go to one segment each (more than one when the batch rolls).
    var stagedParts: [JournalStagedPart] = []
    /// Index entries for the staged records, added to their segments at commit.
    var pendingIndex: [JournalIndexEntry] = []
    /// Size the active segment will have once the staged records are written.
    var projectedSize: Int64 = 0
    /// Offset of the active segment's newest index entry once the staged records are written; -1 if none.
    var projectedIndexed: Int64 = -1
    /// Seq the next append gets.
    var stagedNextSeq: UInt64
    /// Reused by reads; taken out while a read runs so a nested read gets its own.
    var readBuffer: JournalReadBuffer?
    /// Set when a commit failed: the file tail is unknown until the journal is reopened.
    var failed = false

    /// Opens (creating if needed) the journal in `directory`, locks it, and recovers it: loads the
    /// sealed segments' indexes (rebuilding bad ones), verifies the active segment record by record,
    /// truncates at the first invalid record and sets aside segments that no longer continue the seq chain.
    public init(directory path: String, options: JournalOptions, logger: Logger) throws {
        try options.validate()
        var logger = logger
        logger[metadataKey: "journal"] = "\(path)"
        let directory = try JournalDirectory(path: path)
        let buffer = JournalReadBuffer()
        let recovered = try Self.recover(directory: directory, options: options, logger: logger, buffer: buffer)
        self.options = options
        self.logger = logger
        self.directory = directory
        segments = recovered.segments
        activeFile = recovered.activeFile
        recovery = recovered.report
        totalSize = recovered.segments.reduce(0) { $0 + $1.size }
        stagedNextSeq = (recovered.segments.last?.lastSeq ?? 0) + 1
        readBuffer = buffer
    }

    /// Oldest retained seq; `lastSeq + 1` when the journal holds no records.
    public var firstSeq: UInt64 { segments.first?.baseSeq ?? 1 }
    /// Newest committed seq; 0 when nothing was ever written.
    public var lastSeq: UInt64 { segments.last?.lastSeq ?? 0 }
    /// Seq the next ``append(topic:id:identity:payload:time:)`` gets.
    public var nextSeq: UInt64 { stagedNextSeq }
    /// Committed bytes over all segment files.
    public var sizeBytes: Int64 { totalSize }
    /// Number of segment files, the active one included.
    public var segmentCount: Int { segments.count }
    /// Whether records are staged and waiting for ``commit()``.
    public var hasStaged: Bool { !stagedParts.isEmpty }
}

@available(*, unavailable)
extension Journal: Sendable {}
