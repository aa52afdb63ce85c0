/// One sparse index entry: the record with `seq` starts at byte `offset` of its segment.
struct JournalIndexEntry: Equatable {
    var seq: UInt64
    var offset: Int64
}

/// A segment's sparse seq → offset index (see ``JournalFormat`` for its `.idx` file).
enum JournalIndex {
    /// The last entry with `seq <= target`, or nil if every entry is after it.
    static func floor(_ entries: [JournalIndexEntry], _ target: UInt64) -> JournalIndexEntry? {
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].seq <= target { low = middle + 1 } else { high = middle }
        }
        return low > 0 ? entries[low - 1] : nil
    }

    /// The `.idx` file contents for `entries`: the pairs followed by their CRC-32C.
    static func encode(_ entries: [JournalIndexEntry]) -> [UInt8] {
        let pairsLength = entries.count * JournalFormat.indexEntryLength
        return [UInt8](unsafeUninitializedCapacity: pairsLength + 4) { buffer, initialized in
            guard let base = buffer.baseAddress.map(UnsafeMutableRawPointer.init) else { return }
            for (position, entry) in entries.enumerated() {
                JournalFormat.store(entry.seq, base, position * JournalFormat.indexEntryLength)
                JournalFormat.store(UInt64(entry.offset), base, position * JournalFormat.indexEntryLength + 8)
            }
            JournalFormat.store(JournalFormat.checksum(base, pairsLength), base, pairsLength)
            initialized = pairsLength + 4
        }
    }

    /// Decodes and validates an `.idx` file of the segment starting at `baseSeq` whose `.log` holds
    /// `segmentSize` bytes. Nil unless the CRC matches, the first entry is `(baseSeq, 0)`, and seqs
    /// and offsets strictly increase and stay inside the segment.
    static func decode(_ bytes: [UInt8], baseSeq: UInt64, segmentSize: Int64) -> [JournalIndexEntry]? {
        let pairsLength = bytes.count - 4
        guard pairsLength >= JournalFormat.indexEntryLength, pairsLength % JournalFormat.indexEntryLength == 0 else {
            return nil
        }
        return bytes.withUnsafeBytes { raw -> [JournalIndexEntry]? in
            guard let base = raw.baseAddress,
                JournalFormat.checksum(base, pairsLength) == JournalFormat.load(UInt32.self, base, pairsLength)
            else { return nil }
            var entries: [JournalIndexEntry] = []
            entries.reserveCapacity(pairsLength / JournalFormat.indexEntryLength)
            for position in stride(from: 0, to: pairsLength, by: JournalFormat.indexEntryLength) {
                let seq = JournalFormat.load(UInt64.self, base, position)
                let offset = JournalFormat.load(UInt64.self, base, position + 8)
                guard offset < UInt64(segmentSize) else { return nil }
                let entry = JournalIndexEntry(seq: seq, offset: Int64(offset))
                if let previous = entries.last {
                    guard entry.seq > previous.seq, entry.offset > previous.offset else { return nil }
                } else {
                    guard entry == JournalIndexEntry(seq: baseSeq, offset: 0) else { return nil }
                }
                entries.append(entry)
            }
            return entries
        }
    }

    /// Writes `entries` as index file `name` atomically (temporary file, then rename); `sync` makes
    /// the file durable before the rename.
    static func write(_ entries: [JournalIndexEntry], named name: String, in directory: JournalDirectory, sync: Bool)
        throws(JournalError)
    {
        let temporary = name + ".tmp"
        let file = try JournalFile.replace(directory.file(temporary))
        let bytes = encode(entries)
        let failure = bytes.withUnsafeBytes { raw -> JournalError? in
            guard let base = raw.baseAddress else { return nil }
            do throws(JournalError) {
                try file.write(base, count: raw.count, at: 0)
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw failure }
        if sync { try file.syncData() }
        try directory.rename(temporary, to: name)
    }

    /// Reads and validates index file `name`; nil if it is missing, unreadable or invalid.
    static func read(named name: String, in directory: JournalDirectory, baseSeq: UInt64, segmentSize: Int64)
        -> [JournalIndexEntry]?
    {
        guard let file = try? JournalFile.openForReading(directory.file(name)), let size = try? file.size(),
            size >= 4 + Int64(JournalFormat.indexEntryLength), size <= segmentSize + 4
        else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(size))
        let read = bytes.withUnsafeMutableBytes { raw in
            raw.baseAddress.flatMap { try? file.read(into: $0, count: raw.count, at: 0) }
        }
        guard read == bytes.count else { return nil }
        return decode(bytes, baseSeq: baseSeq, segmentSize: segmentSize)
    }
}
