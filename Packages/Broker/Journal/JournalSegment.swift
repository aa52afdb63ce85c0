/// In-memory state of one segment file: its seq range, size, newest record time and sparse index.
struct JournalSegment {
    /// Seq of the segment's first record (its file name).
    let baseSeq: UInt64
    /// Seq of its last record; `baseSeq - 1` while empty.
    var lastSeq: UInt64
    /// Committed bytes in the file.
    var size: Int64
    /// Time of the last record (Unix ms); `Int64.min` while empty.
    var lastTime: Int64
    /// Sparse index, first entry `(baseSeq, 0)` once the segment holds a record.
    var index: [JournalIndexEntry]

    /// A segment with no records yet.
    init(emptyAt baseSeq: UInt64) {
        self.init(baseSeq: baseSeq, lastSeq: baseSeq - 1, size: 0, lastTime: .min, index: [])
    }

    init(baseSeq: UInt64, lastSeq: UInt64, size: Int64, lastTime: Int64, index: [JournalIndexEntry]) {
        self.baseSeq = baseSeq
        self.lastSeq = lastSeq
        self.size = size
        self.lastTime = lastTime
        self.index = index
    }

    var name: String { JournalFormat.segmentName(baseSeq) }
    var indexName: String { JournalFormat.indexName(baseSeq) }

    /// Where to start reading to reach `seq`: the nearest index entry at or before it.
    func start(for seq: UInt64) -> JournalIndexEntry {
        JournalIndex.floor(index, seq) ?? JournalIndexEntry(seq: baseSeq, offset: 0)
    }
}
