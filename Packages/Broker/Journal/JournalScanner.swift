/// Walks the records of one segment file from a known record onwards, validating each one: length
/// within the format's bounds and the file, CRC-32C of the body, field lengths, and seq exactly
/// one more than its predecessor. Used by recovery, index rebuilds and reads alike.
struct JournalScanner {
    /// One step of the walk.
    enum Step {
        /// A valid record; its buffers live until the next call to ``next()``.
        case record(JournalRecord, offset: Int64)
        /// The end of the data was reached cleanly.
        case end
        /// The record at `offset` is invalid; the scanner stays there.
        case defect(JournalDefect, offset: Int64)
    }

    let file: JournalFile
    let buffer: JournalReadBuffer
    /// End of the readable data (file size or committed size).
    let end: Int64
    /// Offset of the next record.
    private(set) var offset: Int64
    /// Seq the next record must carry.
    private(set) var expectedSeq: UInt64

    init(file: JournalFile, buffer: JournalReadBuffer, from start: JournalIndexEntry, end: Int64) {
        self.file = file
        self.buffer = buffer
        self.end = end
        offset = start.offset
        expectedSeq = start.seq
        buffer.reset()
    }

    mutating func next() throws(JournalError) -> Step {
        if offset == end { return .end }
        let headerLength = JournalFormat.recordHeaderLength
        guard end - offset >= Int64(headerLength),
            let header = try buffer.bytes(of: file, at: offset, count: headerLength, limit: end)
        else { return .defect(.truncatedRecord, offset: offset) }
        let bodyLength = JournalFormat.load(UInt32.self, header, 0)
        guard bodyLength >= JournalFormat.bodyHeaderLength, bodyLength <= JournalFormat.maxBodyLength else {
            return .defect(.invalidLength(bodyLength), offset: offset)
        }
        let recordLength = headerLength + Int(bodyLength)
        guard end - offset >= Int64(recordLength),
            let record = try buffer.bytes(of: file, at: offset, count: recordLength, limit: end)
        else { return .defect(.truncatedRecord, offset: offset) }
        let body = record + headerLength
        guard JournalFormat.checksum(body, Int(bodyLength)) == JournalFormat.load(UInt32.self, record, 4) else {
            return .defect(.checksumMismatch, offset: offset)
        }
        let seq = JournalFormat.load(UInt64.self, body, 0)
        guard seq == expectedSeq else {
            return .defect(.unexpectedSeq(expected: expectedSeq, found: seq), offset: offset)
        }
        let topicLength = Int(JournalFormat.load(UInt16.self, body, 16))
        let idLength = Int(JournalFormat.load(UInt8.self, body, 18))
        let identityLength = Int(JournalFormat.load(UInt8.self, body, 19))
        let payloadStart = JournalFormat.bodyHeaderLength + topicLength + idLength + identityLength
        guard payloadStart <= Int(bodyLength) else { return .defect(.inconsistentLengths, offset: offset) }
        let topic = body + JournalFormat.bodyHeaderLength
        let id = topic + topicLength
        let identity = id + idLength
        let found = JournalRecord(
            seq: seq, time: JournalFormat.load(Int64.self, body, 8),
            topic: UnsafeRawBufferPointer(start: topic, count: topicLength),
            id: UnsafeRawBufferPointer(start: id, count: idLength),
            identity: UnsafeRawBufferPointer(start: identity, count: identityLength),
            payload: UnsafeRawBufferPointer(start: body + payloadStart, count: Int(bodyLength) - payloadStart))
        let recordOffset = offset
        offset += Int64(recordLength)
        expectedSeq = seq + 1
        return .record(found, offset: recordOffset)
    }
}
