extension Journal {
    /// Calls `body` for the committed records with seq ≥ `seq`, in seq order, until `body` returns
    /// false or the newest record at the time of the call was delivered. `seq` 0 means the first
    /// record. Seeks with the sparse index, then reads ahead with `pread` into a reused buffer; every
    /// record's CRC is verified. The record's buffers are valid only inside `body`.
    ///
    /// Throws ``JournalError/notRetained(requested:firstSeq:)`` when retention already deleted
    /// `seq`, and ``JournalError/corrupt(seq:segment:offset:defect:)`` at an invalid record.
    public func read(from seq: UInt64, _ body: (JournalRecord) throws -> Bool) throws {
        let first = firstSeq
        if max(seq, 1) < first { throw JournalError.notRetained(requested: seq, firstSeq: first) }
        let last = lastSeq
        var next = max(seq, first)
        guard next <= last else { return }
        let buffer = readBuffer ?? JournalReadBuffer()
        readBuffer = nil
        defer { readBuffer = buffer }
        while next <= last {
            guard let position = segmentPosition(containing: next) else {
                throw JournalError.notRetained(requested: next, firstSeq: firstSeq)
            }
            let segment = segments[position]
            let file =
                position == segments.count - 1
                ? activeFile : try JournalFile.openForReading(directory.file(segment.name))
            var scanner = JournalScanner(file: file, buffer: buffer, from: segment.start(for: next), end: segment.size)
            while next <= segment.lastSeq {
                switch try scanner.next() {
                case .record(let record, _):
                    guard record.seq >= next else { continue }
                    guard try body(record) else { return }
                    next = record.seq + 1
                    if next > last { return }
                case .end:
                    throw JournalError.corrupt(
                        seq: next, segment: segment.name, offset: scanner.offset, defect: .truncatedRecord)
                case .defect(let defect, let offset):
                    throw JournalError.corrupt(
                        seq: scanner.expectedSeq, segment: segment.name, offset: offset, defect: defect)
                }
            }
        }
    }

    /// Position in `segments` of the segment whose seq range holds `seq`, nil if none does.
    func segmentPosition(containing seq: UInt64) -> Int? {
        var low = 0
        var high = segments.count
        while low < high {
            let middle = (low + high) / 2
            if segments[middle].baseSeq <= seq { low = middle + 1 } else { high = middle }
        }
        guard low > 0, seq <= segments[low - 1].lastSeq else { return nil }
        return low - 1
    }
}
