import DequeModule

/// One queue group's bookkeeping, as a value: which journal records it has handed out, to which worker,
/// under which lease, and what waits for redelivery. The broker loop does the I/O and persists every
/// `GroupOperation` this returns, so the state can be rebuilt after a restart.
///
/// Each matching record goes to exactly one live worker at a time. A lease ends by an ack (done), a nack
/// or expiry (redelivered to a worker, attempt + 1), or — after `maxAttempts` — a dead letter.
struct QueueGroup {
    /// The group's settings, fixed by its first JOIN.
    struct Settings: Equatable {
        var prefix: [UInt8]
        var startSeq: UInt64
        var maxAttempts: Int
        var leaseMilliseconds: Int64
    }

    struct Lease: Equatable {
        var worker: String
        var attempt: Int
        var deadline: Int64
    }

    /// A record waiting to be delivered again.
    struct Redelivery: Equatable {
        var seq: UInt64
        var attempts: Int
        var lastWorker: String
        var reason: String
    }

    struct Worker: Equatable {
        var routingID: [UInt8]
        var credit: Int
        var lastSeen: Int64
    }

    /// What a release (nack, expiry, dead worker) decided for one record.
    enum Release: Equatable {
        case redeliver(Redelivery)
        case deadLetter(Redelivery)
    }

    let name: String
    let settings: Settings
    /// The next journal seq the group has not yet looked at.
    private(set) var cursor: UInt64
    private(set) var leases: [UInt64: Lease] = [:]
    private(set) var ready: Deque<Redelivery> = []
    private(set) var workers: [String: Worker] = [:]
    private var rotation: [String] = []
    private var rotationIndex = 0
    /// Counters for `marquee lag` and metrics.
    private(set) var redeliveries: UInt64 = 0
    private(set) var deadLetters: UInt64 = 0
    private(set) var acked: UInt64 = 0

    init(name: String, settings: Settings) {
        self.name = name
        self.settings = settings
        cursor = max(settings.startSeq, 1)
    }

    // MARK: Workers

    mutating func join(worker id: String, routingID: [UInt8], credit: Int, now: Int64) {
        if workers[id] == nil { rotation.append(id) }
        workers[id] = Worker(routingID: routingID, credit: credit, lastSeen: now)
    }

    mutating func addCredit(_ credit: Int, worker id: String, now: Int64) {
        workers[id]?.credit += credit
        workers[id]?.lastSeen = now
    }

    mutating func saw(worker id: String, now: Int64) {
        workers[id]?.lastSeen = now
    }

    /// Removes a worker that left or fell silent, releasing its leases at once.
    mutating func remove(worker id: String, reason: String) -> [Release] {
        workers.removeValue(forKey: id)
        rotation.removeAll { $0 == id }
        let held = leases.filter { $0.value.worker == id }.keys.sorted()
        return held.compactMap { release($0, reason: reason) }
    }

    /// Workers silent since before `now - timeout`.
    func silentWorkers(now: Int64, timeout: Int64) -> [String] {
        workers.filter { $0.value.lastSeen < now - timeout }.keys.sorted()
    }

    // MARK: Dispatch

    /// The next worker with credit, in turn; `nil` if none can take work.
    mutating func nextWorker() -> String? {
        guard !rotation.isEmpty else { return nil }
        for offset in 0..<rotation.count {
            let id = rotation[(rotationIndex + offset) % rotation.count]
            if let worker = workers[id], worker.credit > 0 {
                rotationIndex = (rotationIndex + offset + 1) % rotation.count
                return id
            }
        }
        return nil
    }

    /// Takes the next record waiting for redelivery, if any.
    mutating func takeRedelivery() -> Redelivery? {
        ready.popFirst()
    }

    /// Records that the journal was scanned up to `seq` (inclusive) for this group.
    mutating func advance(past seq: UInt64) {
        cursor = max(cursor, seq + 1)
    }

    /// Leases `seq` to `worker` for its `attempt`-th delivery, using one credit.
    mutating func lease(_ seq: UInt64, to worker: String, attempt: Int, now: Int64) {
        leases[seq] = Lease(worker: worker, attempt: attempt, deadline: now + settings.leaseMilliseconds)
        workers[worker]?.credit -= 1
        advance(past: seq)
    }

    // MARK: Outcomes

    /// Whether `worker` holds the lease on `seq`.
    func holds(_ seq: UInt64, worker: String) -> Bool {
        leases[seq]?.worker == worker
    }

    /// Whether `seq` is behind the cursor, leased to no one and not waiting for redelivery: acked or
    /// dead-lettered (or not the group's), so it is never handed out again.
    func isFinished(_ seq: UInt64) -> Bool {
        seq < cursor && leases[seq] == nil && !ready.contains { $0.seq == seq }
    }

    /// The work on `seq` is done: the lease ends and the worker gets its credit back.
    mutating func ack(_ seq: UInt64) {
        guard let lease = leases.removeValue(forKey: seq) else { return }
        workers[lease.worker]?.credit += 1
        acked += 1
    }

    /// The worker gave `seq` back: redeliver, or dead-letter after `maxAttempts`.
    mutating func nack(_ seq: UInt64, reason: String) -> Release? {
        if let worker = leases[seq]?.worker { workers[worker]?.credit += 1 }
        return release(seq, reason: reason)
    }

    /// Leases past their deadline are released, and their holders get the credit back: the broker no
    /// longer counts the record against them (a late ack is answered `lease_lost`).
    mutating func expire(now: Int64) -> [Release] {
        let late = leases.filter { $0.value.deadline <= now }.sorted { $0.key < $1.key }
        for (_, lease) in late { workers[lease.worker]?.credit += 1 }
        return late.compactMap { release($0.key, reason: "lease expired") }
    }

    private mutating func release(_ seq: UInt64, reason: String) -> Release? {
        guard let lease = leases.removeValue(forKey: seq) else { return nil }
        let redelivery = Redelivery(seq: seq, attempts: lease.attempt, lastWorker: lease.worker, reason: reason)
        if lease.attempt >= settings.maxAttempts {
            deadLetters += 1
            return .deadLetter(redelivery)
        }
        redeliveries += 1
        ready.append(redelivery)
        return .redeliver(redelivery)
    }

    // MARK: Rebuild

    /// Re-applies a persisted operation when the broker restarts (leases restart their lease time at `now`).
    mutating func replay(_ operation: GroupOperation, now: Int64) {
        switch operation {
        case .created:
            break
        case .leased(let seq, let worker, let attempt):
            ready.removeAll { $0.seq == seq }
            leases[seq] = Lease(worker: worker, attempt: attempt, deadline: now + settings.leaseMilliseconds)
            advance(past: seq)
        case .scanned(let seq):
            advance(past: seq)
        case .acked(let seq):
            if leases.removeValue(forKey: seq) != nil { acked += 1 }
        case .released(let seq, let attempts, let worker):
            leases.removeValue(forKey: seq)
            redeliveries += 1
            ready.append(Redelivery(seq: seq, attempts: attempts, lastWorker: worker, reason: "redelivered after restart"))
        case .deadLettered(let seq):
            leases.removeValue(forKey: seq)
            ready.removeAll { $0.seq == seq }
            deadLetters += 1
        case .tallied(let acked, let redeliveries, let deadLetters):
            (self.acked, self.redeliveries, self.deadLetters) = (acked, redeliveries, deadLetters)
        }
    }

    /// The operations that rebuild this group's durable state — settings, cursor, leases, records waiting
    /// for redelivery and, last, the counters — for a compacted group journal.
    var snapshot: [GroupOperation] {
        var operations: [GroupOperation] = [.created(settings)]
        if cursor > 1 { operations.append(.scanned(seq: cursor - 1)) }
        for (seq, lease) in leases.sorted(by: { $0.key < $1.key }) {
            operations.append(.leased(seq: seq, worker: lease.worker, attempt: lease.attempt))
        }
        for waiting in ready {
            operations.append(.released(seq: waiting.seq, attempts: waiting.attempts, worker: waiting.lastWorker))
        }
        operations.append(.tallied(acked: acked, redeliveries: redeliveries, deadLetters: deadLetters))
        return operations
    }
}
