/// Segment size, index spacing, retention and durability of a ``Journal``.
public struct JournalOptions: Sendable, Equatable {
    /// Roll to a new segment file when the next record would take the active one past this size.
    public var segmentBytes: Int
    /// Bytes between sparse index entries (smaller: faster seeks, more memory).
    public var indexInterval: Int
    /// Delete the oldest sealed segments while the total size exceeds this.
    public var retentionBytes: Int64?
    /// Milliseconds; delete sealed segments whose newest record is older than this.
    public var retentionAge: Int64?
    /// When a commit is durable.
    public var flush: FlushPolicy

    /// Options with the given limits; the defaults suit a broker (64 MiB segments, fsync per commit).
    public init(
        segmentBytes: Int = 64 << 20, indexInterval: Int = 4096, retentionBytes: Int64? = nil,
        retentionAge: Int64? = nil, flush: FlushPolicy = .fsync
    ) {
        self.segmentBytes = segmentBytes
        self.indexInterval = indexInterval
        self.retentionBytes = retentionBytes
        self.retentionAge = retentionAge
        self.flush = flush
    }

    /// Throws ``JournalError/invalidOptions(_:)`` for limits the journal cannot work with.
    func validate() throws(JournalError) {
        if segmentBytes < 64 { throw .invalidOptions("segmentBytes must be at least 64, got \(segmentBytes)") }
        if indexInterval < 1 { throw .invalidOptions("indexInterval must be positive, got \(indexInterval)") }
        if let bytes = retentionBytes, bytes < 0 { throw .invalidOptions("retentionBytes must not be negative") }
        if let age = retentionAge, age < 0 { throw .invalidOptions("retentionAge must not be negative") }
    }
}
