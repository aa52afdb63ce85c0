import CCRC32C

/// The journal's on-disk format. All integers are little-endian.
///
/// **Record** (one per published message, written back to back in a segment file):
/// ```
/// u32 bodyLength          length of the body below, in bytes (20 ... maxBodyLength)
/// u32 crc                 CRC-32C (Castagnoli) of the body bytes
/// body:
///   u64 seq               global sequence number, exactly previous + 1
///   i64 timeMillis        broker time at append, Unix milliseconds
///   u16 topicLength
///   u8  idLength
///   u8  identityLength
///   topic bytes, id bytes, identity bytes
///   payload bytes         payloadLength = bodyLength - 20 - topicLength - idLength - identityLength
/// ```
///
/// **Segment file**: `<first seq, 20 decimal digits>.log`, e.g. `00000000000000000001.log`; holds
/// consecutive records starting at that seq. Only the newest (active) segment is appended to; a new
/// one is started when the next record would take the active one past `segmentBytes` (a record
/// larger than that gets a segment of its own).
///
/// **Index file**: `<first seq, 20 digits>.idx` beside its segment, written when a segment is sealed: `count` pairs
/// `(u64 seq, u64 fileOffset)`, one for the first record and then one whenever at least
/// `indexInterval` bytes were written since the previous entry, followed by `u32 crc32c` of the pairs.
/// A missing or invalid index is rebuilt by scanning its segment.
///
/// **Recovery** keeps the longest valid prefix: a segment is cut at its first invalid record, and
/// segment files after that point (or not starting at the previous segment's last seq + 1) are
/// renamed to `<name>.log.damaged` for inspection; they are never read again.
enum JournalFormat {
    /// `u32 bodyLength` + `u32 crc`.
    static let recordHeaderLength = 8
    /// `u64 seq` + `i64 time` + `u16` + `u8` + `u8` field lengths.
    static let bodyHeaderLength = 20
    /// Largest accepted body. A fixed format limit (not `segmentBytes`), so reopening a journal with
    /// a smaller segment size never mistakes valid records for damage.
    static let maxBodyLength = 64 << 20
    /// Longest topic, id and identity the length fields can describe.
    static let maxTopicLength = Int(UInt16.max)
    static let maxIdLength = Int(UInt8.max)
    static let maxIdentityLength = Int(UInt8.max)
    /// One index entry: `u64 seq` + `u64 offset`.
    static let indexEntryLength = 16
    /// Highest first seq accepted in a segment file name; keeps seq arithmetic far from overflow.
    static let maxBaseSeq: UInt64 = 1 << 62

    /// File name of the segment whose first record has `baseSeq`.
    static func segmentName(_ baseSeq: UInt64) -> String {
        let digits = String(baseSeq)
        return String(repeating: "0", count: max(0, 20 - digits.count)) + digits + ".log"
    }

    /// File name of the index of the segment whose first record has `baseSeq`.
    static func indexName(_ baseSeq: UInt64) -> String {
        String(segmentName(baseSeq).dropLast(4)) + ".idx"
    }

    /// The first seq encoded in a segment file name, or nil if `name` is not a segment file name.
    static func baseSeq(ofSegmentNamed name: String) -> UInt64? {
        guard name.utf8.count == 24, name.hasSuffix(".log") else { return nil }
        let digits = name.prefix(20)
        guard digits.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
            let value = UInt64(digits), value >= 1, value <= maxBaseSeq
        else { return nil }
        return value
    }

    /// CRC-32C of `count` bytes at `bytes`.
    static func checksum(_ bytes: UnsafeRawPointer, _ count: Int) -> UInt32 {
        marquee_crc32c(0, bytes, count)
    }

    static func store<T: FixedWidthInteger>(_ value: T, _ base: UnsafeMutableRawPointer, _ offset: Int) {
        base.storeBytes(of: value.littleEndian, toByteOffset: offset, as: T.self)
    }

    static func load<T: FixedWidthInteger>(_ type: T.Type, _ base: UnsafeRawPointer, _ offset: Int) -> T {
        T(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: T.self))
    }
}
