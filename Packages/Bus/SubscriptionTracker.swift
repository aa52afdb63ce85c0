/// The subscriber's gap and replay bookkeeping, as a value that returns actions (the loop does the I/O).
///
/// Invariant: every matching record with a seq below `next` has been delivered, exactly once, in order.
/// Live records that arrive ahead of `next` wait in `pending` while a replay from `next` tells which
/// seqs in between belong to this subscription; the replay's `through` moves `next` past seqs that
/// did not match. The broker's head announcements reveal a lost tail.
struct SubscriptionTracker {
    enum Action: Equatable {
        case deliver(Delivery)
        case requestReplay(from: UInt64)
    }

    private(set) var next: UInt64
    private(set) var replayOutstanding = false
    private var pending: [Delivery] = []
    private let pendingLimit: Int

    init(from next: UInt64, pendingLimit: Int = 10_000) {
        self.next = max(next, 1)
        self.pendingLimit = pendingLimit
    }

    /// The first action of a subscription: catch up from the journal.
    mutating func start() -> [Action] {
        replayOutstanding = true
        return [.requestReplay(from: next)]
    }

    /// A record arrived on the live stream.
    mutating func live(_ delivery: Delivery) -> [Action] {
        guard delivery.seq >= next else { return [] }
        if !replayOutstanding, pending.isEmpty, delivery.seq == next {
            next += 1
            return [.deliver(delivery)]
        }
        if pending.count < pendingLimit { pending.append(delivery) }
        guard !replayOutstanding else { return [] }
        replayOutstanding = true
        return [.requestReplay(from: next)]
    }

    /// The broker announced its head seq.
    mutating func head(_ head: UInt64) -> [Action] {
        guard !replayOutstanding, head >= next else { return [] }
        replayOutstanding = true
        return [.requestReplay(from: next)]
    }

    /// A replay answered: `records` match this subscription, and every seq up to `through` was scanned.
    mutating func records(_ records: [Delivery], through: UInt64, head: UInt64) -> [Action] {
        replayOutstanding = false
        var actions: [Action] = []
        for record in records where record.seq >= next {
            actions.append(.deliver(record))
            next = record.seq + 1
        }
        next = max(next, through + 1)
        var consumed = 0
        for delivery in pending {
            if delivery.seq == next {
                actions.append(.deliver(delivery))
                next += 1
            } else if delivery.seq > next {
                break
            }
            consumed += 1
        }
        pending.removeFirst(consumed)
        if !pending.isEmpty || next <= head {
            replayOutstanding = true
            actions.append(.requestReplay(from: next))
        }
        return actions
    }

    /// The outstanding replay got no answer in time: ask again.
    mutating func replayTimedOut() -> [Action] {
        replayOutstanding = true
        return [.requestReplay(from: next)]
    }
}
