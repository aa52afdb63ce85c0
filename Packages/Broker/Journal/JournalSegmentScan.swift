/// The outcome of scanning a segment from a known record to the end of its file: the segment as far
/// as it is valid (extended with index entries every `indexInterval` bytes), how many records were
/// verified, and the first defect, if any.
struct JournalSegmentScan {
    private(set) var segment: JournalSegment
    private(set) var records = 0
    private(set) var defect: JournalDefect?
    /// Offset of the defective record (equals `segment.size`) when `defect` is set.
    var defectOffset: Int64 { segment.size }

    /// Scans `file` from `start`, a record of `segment` already covered by its index (or the
    /// segment's first record), to `end`.
    init(
        file: JournalFile, buffer: JournalReadBuffer, segment: JournalSegment, from start: JournalIndexEntry,
        end: Int64, indexInterval: Int
    ) throws(JournalError) {
        self.segment = segment
        self.segment.lastSeq = start.seq - 1
        self.segment.size = start.offset
        var scanner = JournalScanner(file: file, buffer: buffer, from: start, end: end)
        scanning: while true {
            switch try scanner.next() {
            case .record(let record, let offset):
                if self.segment.index.last.map({ offset - $0.offset >= Int64(indexInterval) }) ?? true {
                    self.segment.index.append(JournalIndexEntry(seq: record.seq, offset: offset))
                }
                self.segment.lastSeq = record.seq
                self.segment.lastTime = record.time
                self.segment.size = scanner.offset
                records += 1
            case .end:
                break scanning
            case .defect(let found, _):
                defect = found
                break scanning
            }
        }
    }
}
