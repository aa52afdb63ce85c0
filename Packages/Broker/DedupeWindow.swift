import DequeModule

/// Publish ids seen recently, each with the seq it was stored at, so that a publisher resending after
/// a lost ack or a broker restart gets the original seq back instead of a second copy.
///
/// Bounded by count and by age; the oldest ids leave first. Owned by the broker loop (not `Sendable`).
struct DedupeWindow {
    private var seqs: [[UInt8]: UInt64] = [:]
    private var order: Deque<(id: [UInt8], time: Int64)> = []
    let capacity: Int
    let windowMilliseconds: Int64

    init(capacity: Int, windowMilliseconds: Int64) {
        self.capacity = max(capacity, 1)
        self.windowMilliseconds = windowMilliseconds
        seqs.reserveCapacity(min(self.capacity, 1 << 16))
    }

    /// How many ids are remembered now.
    var count: Int { seqs.count }

    /// The seq stored for `id`, if it is still in the window.
    func seq(for id: [UInt8]) -> UInt64? {
        seqs[id]
    }

    /// Remembers that `id` was stored at `seq` at `time` (Unix ms), forgetting the oldest past the limits.
    mutating func remember(_ id: [UInt8], seq: UInt64, time: Int64) {
        guard seqs.updateValue(seq, forKey: id) == nil else { return }
        order.append((id, time))
        expire(now: time)
    }

    /// Forgets ids older than the window or beyond the capacity.
    mutating func expire(now: Int64) {
        while let oldest = order.first, order.count > capacity || oldest.time < now - windowMilliseconds {
            seqs.removeValue(forKey: oldest.id)
            order.removeFirst()
        }
    }
}
