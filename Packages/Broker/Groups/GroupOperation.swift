/// A change to a queue group, persisted in the broker's group journal before it is acted on, so groups,
/// cursors and leases survive a restart. Encoded compactly: one op byte, then big-endian fields.
enum GroupOperation: Equatable {
    /// The group was created with these settings (its first JOIN).
    case created(QueueGroup.Settings)
    /// `seq` was leased to `worker` for delivery number `attempt`.
    case leased(seq: UInt64, worker: String, attempt: Int)
    /// The journal was scanned up to `seq` with nothing more for this group.
    case scanned(seq: UInt64)
    /// The work on `seq` was acknowledged.
    case acked(seq: UInt64)
    /// `seq` went back for redelivery after `attempts` deliveries, last held by `worker`.
    case released(seq: UInt64, attempts: Int, worker: String)
    /// `seq` was sent to `deadletter.<topic>`.
    case deadLettered(seq: UInt64)
    /// The group's counters, as a compacted journal carries them over.
    case tallied(acked: UInt64, redeliveries: UInt64, deadLetters: UInt64)

    var encoded: [UInt8] {
        switch self {
        case .created(let settings):
            return [0x43] + be(settings.startSeq) + be(UInt64(settings.maxAttempts)) + be(UInt64(settings.leaseMilliseconds))
                + settings.prefix
        case .leased(let seq, let worker, let attempt):
            return [0x4C] + be(seq) + be(UInt64(attempt)) + Array(worker.utf8)
        case .scanned(let seq): return [0x53] + be(seq)
        case .acked(let seq): return [0x41] + be(seq)
        case .released(let seq, let attempts, let worker): return [0x52] + be(seq) + be(UInt64(attempts)) + Array(worker.utf8)
        case .deadLettered(let seq): return [0x58] + be(seq)
        case .tallied(let acked, let redeliveries, let deadLetters): return [0x54] + be(acked) + be(redeliveries) + be(deadLetters)
        }
    }

    /// Decodes a persisted operation, or `nil` if the bytes are not one.
    init?(_ bytes: UnsafeRawBufferPointer) {
        let bytes = Array(bytes)
        guard let op = bytes.first else { return nil }
        func field(_ index: Int) -> UInt64? {
            let start = 1 + index * 8
            guard bytes.count >= start + 8 else { return nil }
            return bytes[start..<start + 8].reduce(0) { $0 << 8 | UInt64($1) }
        }
        func text(after fields: Int) -> String {
            String(decoding: bytes.dropFirst(1 + fields * 8), as: UTF8.self)
        }
        switch op {
        case 0x43:
            guard let start = field(0), let attempts = field(1), let lease = field(2) else { return nil }
            self = .created(.init(prefix: Array(bytes.dropFirst(25)), startSeq: start, maxAttempts: Int(attempts), leaseMilliseconds: Int64(lease)))
        case 0x4C:
            guard let seq = field(0), let attempt = field(1) else { return nil }
            self = .leased(seq: seq, worker: text(after: 2), attempt: Int(attempt))
        case 0x53:
            guard let seq = field(0) else { return nil }
            self = .scanned(seq: seq)
        case 0x41:
            guard let seq = field(0) else { return nil }
            self = .acked(seq: seq)
        case 0x52:
            guard let seq = field(0), let attempts = field(1) else { return nil }
            self = .released(seq: seq, attempts: Int(attempts), worker: text(after: 2))
        case 0x58:
            guard let seq = field(0) else { return nil }
            self = .deadLettered(seq: seq)
        case 0x54:
            guard let acked = field(0), let redeliveries = field(1), let deadLetters = field(2) else { return nil }
            self = .tallied(acked: acked, redeliveries: redeliveries, deadLetters: deadLetters)
        default:
            return nil
        }
    }
}

private func be(_ value: UInt64) -> [UInt8] {
    withUnsafeBytes(of: value.bigEndian) { Array($0) }
}
