/// Checks that records arrive exactly once and in order: seq 1, 2, 3, …
struct SeqCheck: Sendable {
    /// The seq expected next.
    private(set) var next: UInt64 = 1
    /// Records received in order.
    private(set) var received = 0
    /// Records whose seq skipped ahead of `next` (the skipped seqs were lost).
    private(set) var lost: UInt64 = 0
    /// Records with a seq already seen.
    private(set) var duplicates = 0

    mutating func saw(_ seq: UInt64) {
        if seq < next {
            duplicates += 1
            return
        }
        lost += seq - next
        next = seq + 1
        received += 1
    }

    /// Whether exactly `count` records arrived, in order, none lost or repeated.
    func isComplete(_ count: Int) -> Bool {
        received == count && lost == 0 && duplicates == 0 && next == UInt64(count) + 1
    }

    var summary: String {
        "\(received) received, \(lost) lost, \(duplicates) duplicates"
    }
}
