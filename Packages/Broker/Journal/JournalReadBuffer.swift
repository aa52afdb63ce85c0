/// A reusable read buffer holding a window of one file. Records are served from the window; when
/// one is not entirely inside it, the window is refilled from that record's offset with one `pread`
/// of the read-ahead size, which starts small (a replay of a few records stays cheap) and doubles
/// up to its maximum on every refill.
final class JournalReadBuffer {
    private var base: UnsafeMutableRawPointer
    private var capacity: Int
    private var windowStart: Int64 = 0
    private var windowCount = 0
    private let initialReadAhead: Int
    private let maxReadAhead: Int
    private var readAhead: Int

    init(initialReadAhead: Int = 64 << 10, maxReadAhead: Int = 1 << 20) {
        self.initialReadAhead = initialReadAhead
        self.maxReadAhead = maxReadAhead
        readAhead = initialReadAhead
        capacity = initialReadAhead
        base = .allocate(byteCount: capacity, alignment: 16)
    }

    deinit { base.deallocate() }

    /// Forgets the window; call before reading another file.
    func reset() {
        windowCount = 0
        readAhead = initialReadAhead
    }

    /// Pointer to `count` bytes at `offset` of `file`, valid until the next call; reads ahead up to
    /// `limit` (the end of the readable data). Nil when the file ends before `offset + count`.
    func bytes(of file: JournalFile, at offset: Int64, count: Int, limit: Int64) throws(JournalError)
        -> UnsafeRawPointer?
    {
        if offset >= windowStart && offset + Int64(count) <= windowStart + Int64(windowCount) {
            return UnsafeRawPointer(base + Int(offset - windowStart))
        }
        let wanted = Int(min(Int64(max(count, readAhead)), max(limit - offset, Int64(count))))
        if wanted > capacity {
            base.deallocate()
            capacity = wanted
            base = .allocate(byteCount: capacity, alignment: 16)
        }
        windowStart = offset
        windowCount = 0
        windowCount = try file.read(into: base, count: wanted, at: offset)
        readAhead = min(readAhead * 2, maxReadAhead)
        return windowCount >= count ? UnsafeRawPointer(base) : nil
    }
}
