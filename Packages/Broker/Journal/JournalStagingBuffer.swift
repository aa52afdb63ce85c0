/// The journal's write buffer: appended records are encoded here back to back (one copy of each
/// field, CRC computed in place) and written with one `pwrite` per segment at commit.
/// The memory is reused across batches and only grows.
struct JournalStagingBuffer: ~Copyable {
    private(set) var base: UnsafeMutableRawPointer
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        base = .allocate(byteCount: capacity, alignment: 16)
    }

    deinit { base.deallocate() }

    /// Encodes one record (see ``JournalFormat``); the lengths must already be within the format's limits.
    mutating func appendRecord(
        seq: UInt64, time: Int64, topic: UnsafeRawBufferPointer, id: UnsafeRawBufferPointer,
        identity: UnsafeRawBufferPointer, payload: UnsafeRawBufferPointer, bodyLength: Int
    ) {
        let recordLength = JournalFormat.recordHeaderLength + bodyLength
        if count + recordLength > capacity { grow(toHold: count + recordLength) }
        let record = base + count
        let body = record + JournalFormat.recordHeaderLength
        JournalFormat.store(UInt32(bodyLength), record, 0)
        JournalFormat.store(seq, body, 0)
        JournalFormat.store(time, body, 8)
        JournalFormat.store(UInt16(topic.count), body, 16)
        JournalFormat.store(UInt8(id.count), body, 18)
        JournalFormat.store(UInt8(identity.count), body, 19)
        var cursor = body + JournalFormat.bodyHeaderLength
        Self.copy(topic, to: &cursor)
        Self.copy(id, to: &cursor)
        Self.copy(identity, to: &cursor)
        Self.copy(payload, to: &cursor)
        JournalFormat.store(JournalFormat.checksum(body, bodyLength), record, 4)
        count += recordLength
    }

    private static func copy(_ field: UnsafeRawBufferPointer, to cursor: inout UnsafeMutableRawPointer) {
        guard let source = field.baseAddress, field.count > 0 else { return }
        cursor.copyMemory(from: source, byteCount: field.count)
        cursor += field.count
    }

    /// Forgets the staged bytes, keeping the memory.
    mutating func removeAll() { count = 0 }

    private mutating func grow(toHold needed: Int) {
        let newCapacity = max(needed, capacity * 2)
        let newBase = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: 16)
        newBase.copyMemory(from: base, byteCount: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }
}
