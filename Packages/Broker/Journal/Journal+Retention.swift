import Logging

extension Journal {
    /// Deletes whole sealed segments, oldest first, while the total size exceeds `retentionBytes`
    /// or the segment's newest record is older than `retentionAge` before `now` (Unix ms). Never
    /// deletes the active segment. Returns how many segments were deleted.
    @discardableResult
    public func enforceRetention(now: Int64) throws -> Int {
        var removed = 0
        while segments.count > 1, isExpired(segments[0], now: now) {
            let segment = segments[0]
            try directory.remove(segment.name)
            try directory.remove(segment.indexName)
            segments.removeFirst()
            totalSize -= segment.size
            removed += 1
            logger.info(
                "journal segment deleted by retention",
                metadata: [
                    "segment": "\(segment.name)", "lastSeq": "\(segment.lastSeq)", "bytes": "\(segment.size)",
                ])
        }
        if removed > 0 && options.flush == .fsync { try directory.sync() }
        return removed
    }

    private func isExpired(_ segment: JournalSegment, now: Int64) -> Bool {
        if let limit = options.retentionBytes, totalSize > limit { return true }
        guard let age = options.retentionAge else { return false }
        let cutoff = now.subtractingReportingOverflow(age)
        return !cutoff.overflow && segment.lastTime < cutoff.partialValue
    }
}
