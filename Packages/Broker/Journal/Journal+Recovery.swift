import Logging

extension Journal {
    /// The state recovery hands to the initializer.
    struct Recovered {
        var segments: [JournalSegment]
        var activeFile: JournalFile
        var report: JournalRecovery
    }

    /// Brings the directory to a consistent journal: a chain of segments whose seqs continue one
    /// another, each valid to its end.
    ///
    /// Sealed segments are trusted through their `.idx` (checked by its CRC, and by verifying the
    /// records from its last entry to the end of the file); a sealed segment without a valid index
    /// is scanned in full and its index rewritten. The last segment is always scanned record by
    /// record. At the first invalid record the segment is truncated there (`ftruncate` + `fsync`)
    /// and becomes the active one; later segments, and any segment that does not start at the
    /// previous one's last seq + 1, are renamed to `*.damaged` (kept for inspection, never read).
    static func recover(
        directory: JournalDirectory, options: JournalOptions, logger: Logger, buffer: JournalReadBuffer
    ) throws(JournalError) -> Recovered {
        var report = JournalRecovery()
        let names = try directory.names()
        let present = Set(names)
        var bases: [UInt64] = []
        for name in names {
            if let base = JournalFormat.baseSeq(ofSegmentNamed: name) {
                bases.append(base)
            } else if name.hasSuffix(".idx.tmp")
                || (name.hasSuffix(".idx") && !present.contains(String(name.dropLast(4)) + ".log"))
            {
                try directory.remove(name)
            }
        }
        bases.sort()

        var segments: [JournalSegment] = []
        var lastFile: JournalFile?
        var position = 0
        while position < bases.count {
            let base = bases[position]
            if let previous = segments.last, base != previous.lastSeq + 1 {
                let defect = JournalDefect.segmentGap(expected: previous.lastSeq + 1, found: base)
                report.reason = report.reason ?? defect
                logger.error(
                    "journal segment does not continue the previous one",
                    metadata: ["segment": "\(JournalFormat.segmentName(base))", "reason": "\(defect)"])
                break
            }
            let loaded = try load(
                base, sealed: position < bases.count - 1, directory: directory, options: options, logger: logger,
                buffer: buffer, report: &report)
            segments.append(loaded.segment)
            lastFile = loaded.file
            position += 1
            if loaded.truncated { break }
        }

        for base in bases[position...] {
            let name = JournalFormat.segmentName(base)
            try directory.rename(name, to: name + ".damaged")
            try directory.remove(JournalFormat.indexName(base))
            report.segmentsSetAside += 1
            logger.error(
                "journal segment set aside: it no longer continues the journal",
                metadata: ["segment": "\(name)", "renamedTo": "\(name).damaged"])
        }

        let activeFile: JournalFile
        if let file = lastFile, let active = segments.last {
            activeFile = file
            try directory.remove(active.indexName)
        } else {
            let first = JournalSegment(emptyAt: 1)
            activeFile = try JournalFile.create(directory.file(first.name))
            segments = [first]
        }
        try directory.sync()
        report.segments = segments.count
        logger.info(
            "journal opened",
            metadata: [
                "segments": "\(segments.count)", "firstSeq": "\(segments[0].baseSeq)",
                "lastSeq": "\(segments[segments.count - 1].lastSeq)", "recordsScanned": "\(report.recordsScanned)",
            ])
        return Recovered(segments: segments, activeFile: activeFile, report: report)
    }

    /// Loads one segment: through its index when sealed and the index holds up, else by a full scan,
    /// truncating the file at the first invalid record.
    private static func load(
        _ base: UInt64, sealed: Bool, directory: JournalDirectory, options: JournalOptions, logger: Logger,
        buffer: JournalReadBuffer, report: inout JournalRecovery
    ) throws(JournalError) -> (segment: JournalSegment, file: JournalFile, truncated: Bool) {
        let empty = JournalSegment(emptyAt: base)
        let file = try JournalFile.openForWriting(directory.file(empty.name))
        let size = try file.size()
        if sealed {
            if let entries = JournalIndex.read(named: empty.indexName, in: directory, baseSeq: base, segmentSize: size),
                let last = entries.last
            {
                var indexed = empty
                indexed.index = entries
                let tail = try JournalSegmentScan(
                    file: file, buffer: buffer, segment: indexed, from: last, end: size,
                    indexInterval: options.indexInterval)
                report.recordsScanned += tail.records
                if tail.defect == nil && tail.records > 0 { return (tail.segment, file, false) }
                logger.warning(
                    "journal index does not match its segment; rebuilding it", metadata: ["segment": "\(empty.name)"])
            } else {
                logger.warning(
                    "journal index missing or invalid; rebuilding it", metadata: ["segment": "\(empty.name)"])
            }
            report.indexesRebuilt += 1
        }
        let scan = try JournalSegmentScan(
            file: file, buffer: buffer, segment: empty, from: JournalIndexEntry(seq: base, offset: 0), end: size,
            indexInterval: options.indexInterval)
        report.recordsScanned += scan.records
        guard let defect = scan.defect else {
            if sealed {
                try JournalIndex.write(
                    scan.segment.index, named: empty.indexName, in: directory, sync: options.flush == .fsync)
            }
            return (scan.segment, file, false)
        }
        try file.truncate(to: scan.defectOffset)
        try file.syncData()
        let dropped = size - scan.defectOffset
        report.bytesTruncated += dropped
        report.reason = report.reason ?? defect
        logger.warning(
            "journal segment truncated at an invalid record",
            metadata: [
                "segment": "\(empty.name)", "offset": "\(scan.defectOffset)", "bytesDropped": "\(dropped)",
                "reason": "\(defect)", "lastValidSeq": "\(scan.segment.lastSeq)",
            ])
        return (scan.segment, file, true)
    }
}
