import BusProtocol
import Contracts
import Foundation
import Logging
import ZeroMQ

extension BrokerLoop {
    /// A worker silent for this long is dropped and its leases are released.
    static let workerTimeoutMilliseconds: Int64 = 3000

    /// Serves the worker requests waiting on the group socket, without blocking, in batches of 64 (at most
    /// 16 batches a turn); each batch's changes are made durable before its replies go out.
    func serveGroups(now: Int64) throws {
        for _ in 0..<16 {
            guard try serveGroupBatch(now: now) == 64 else { return }
        }
    }

    /// Serves up to 64 worker requests; returns how many it read.
    private func serveGroupBatch(now: Int64) throws -> Int {
        var replies: [[[UInt8]]] = []
        var served = 0
        for _ in 0..<64 {
            guard let frames = try groupSocket.receiveMultipart(dontWait: true) else { break }
            served += 1
            guard frames.count >= 3 else { continue }
            let worker = String(decoding: frames[0], as: UTF8.self)
            let name = String(decoding: frames[2], as: UTF8.self)
            let command = String(decoding: frames[1], as: UTF8.self)
            if command == GroupWire.join {
                replies.append(join(frames, worker: worker, group: name, now: now))
                continue
            }
            guard var group = groups[name], group.workers[worker] != nil else {
                replies.append(groupError(frames[0], name, .notJoined, "join the group \(name) first"))
                continue
            }
            group.saw(worker: worker, now: now)
            switch command {
            case GroupWire.ack, GroupWire.nack:
                guard frames.count >= 4, let seq = BusWire.decodeSeq(frames[3]) else {
                    replies.append(groupError(frames[0], name, .badRequest, "\(command) takes [group, seq (8 bytes)]"))
                    break
                }
                if !group.holds(seq, worker: worker), group.isFinished(seq) {
                    // A resent ACK or NACK whose first copy the broker made durable before a crash or reconnect:
                    // the record is done and never comes back, which is all the worker needs to know.
                    let done = command == GroupWire.ack ? GroupWire.acked : GroupWire.nacked
                    replies.append([frames[0], Array(done.utf8), frames[2], frames[3]])
                    break
                }
                guard group.holds(seq, worker: worker) else {
                    replies.append(
                        groupError(frames[0], name, .leaseLost, "seq \(seq) is not leased to \(worker); its lease expired")
                            + [frames[3]])
                    break
                }
                if command == GroupWire.ack {
                    group.ack(seq)
                    stageGroup(.acked(seq: seq), name)
                    replies.append([frames[0], Array(GroupWire.acked.utf8), frames[2], frames[3]])
                } else {
                    let reason = frames.count >= 5 ? String(decoding: frames[4], as: UTF8.self) : "nacked"
                    if let release = group.nack(seq, reason: reason) { record(release, group: name) }
                    replies.append([frames[0], Array(GroupWire.nacked.utf8), frames[2], frames[3]])
                }
            case GroupWire.credit:
                if frames.count >= 4, let credit = BusWire.decodeCount(frames[3]) {
                    group.addCredit(Int(credit), worker: worker, now: now)
                }
            case GroupWire.heartbeat:
                replies.append([frames[0], Array(GroupWire.heartbeat.utf8), frames[2]])
            case GroupWire.leave:
                for release in group.remove(worker: worker, reason: "worker left") { record(release, group: name) }
            default:
                replies.append(groupError(frames[0], name, .unknownCommand, "known commands are JOIN, ACK, NACK, CREDIT, HEARTBEAT and LEAVE"))
            }
            groups[name] = group
        }
        try commitGroupChanges()
        for reply in replies { try groupSocket.send(multipart: reply, dontWait: true) }
        return served
    }

    private func join(_ frames: [[UInt8]], worker: String, group name: String, now: Int64) -> [[UInt8]] {
        guard frames.count == 8, name.utf8.count <= 255, name.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }),
            let from = BusWire.decodeSeq(frames[4]), let credit = BusWire.decodeCount(frames[5]),
            let attempts = BusWire.decodeCount(frames[6]), let lease = BusWire.decodeCount(frames[7]),
            !name.isEmpty, attempts > 0, lease > 0
        else {
            return groupError(frames[0], name, .badRequest, "JOIN takes [group, prefix, from-seq, credit, max-attempts, lease-ms]")
        }
        if groups[name] == nil {
            let settings = QueueGroup.Settings(prefix: frames[3], startSeq: from, maxAttempts: Int(attempts), leaseMilliseconds: Int64(lease))
            groups[name] = QueueGroup(name: name, settings: settings)
            stageGroup(.created(settings), name)
            logger.info("queue group created", metadata: ["group": "\(name)", "from": "\(from)"])
        }
        groups[name]?.join(worker: worker, routingID: frames[0], credit: Int(credit), now: now)
        logger.info("worker joined", metadata: ["group": "\(name)", "worker": "\(worker)"])
        return [frames[0], Array(GroupWire.joined.utf8), frames[2], BusWire.encode(groups[name]?.cursor ?? from)]
    }

    /// Expires leases, drops silent workers, and hands journal records and redeliveries to workers with
    /// credit. Leases are durable before the WORK messages go out.
    func dispatchGroups(now: Int64) throws {
        var outgoing: [[[UInt8]]] = []
        for name in groups.keys.sorted() {
            guard var group = groups[name] else { continue }
            for worker in group.silentWorkers(now: now, timeout: Self.workerTimeoutMilliseconds) {
                logger.warning("worker silent; releasing its leases", metadata: ["group": "\(name)", "worker": "\(worker)"])
                for release in group.remove(worker: worker, reason: "worker went silent") { record(release, group: name) }
            }
            for release in group.expire(now: now) { record(release, group: name) }
            outgoing += try assignWork(&group, now: now)
            groups[name] = group
        }
        try commitGroupChanges()
        for message in outgoing { try groupSocket.send(multipart: message, dontWait: true) }
    }

    /// Fills the credit of the group's workers: redeliveries first, then new matching journal records.
    private func assignWork(_ group: inout QueueGroup, now: Int64) throws -> [[[UInt8]]] {
        var messages: [[[UInt8]]] = []
        var fresh: [(seq: UInt64, topic: [UInt8], payload: [UInt8])] = []
        var freshIndex = 0
        var scannedTo: UInt64?
        /// Once every record of a scanned page is leased, nothing else up to `scannedTo` matched: record
        /// that, so the next scan (or a restarted broker) starts after it. A page cut short by credit is
        /// found again from the cursor next time.
        func pageDone() {
            guard let seq = scannedTo, freshIndex == fresh.count else { return }
            group.advance(past: seq)
            stageGroup(.scanned(seq: seq), group.name)
            scannedTo = nil
        }
        while let worker = group.nextWorker() {
            let (seq, attempt, topic, payload): (UInt64, Int, [UInt8], [UInt8])
            if let redelivery = group.takeRedelivery() {
                logger.debug("redelivering", metadata: ["group": "\(group.name)", "worker": "\(worker)", "bus.seq": "\(redelivery.seq)"])
                guard let record = try readRecord(redelivery.seq) else {
                    logger.error("a record to redeliver is no longer in the journal", metadata: ["bus.seq": "\(redelivery.seq)"])
                    continue
                }
                (seq, attempt, topic, payload) = (redelivery.seq, redelivery.attempts + 1, record.topic, record.payload)
            } else {
                if freshIndex == fresh.count {
                    pageDone()
                    (fresh, scannedTo) = try scan(from: group.cursor, prefix: group.settings.prefix, limit: 256)
                    freshIndex = 0
                    if fresh.isEmpty { break }
                }
                (seq, attempt, topic, payload) = (fresh[freshIndex].seq, 1, fresh[freshIndex].topic, fresh[freshIndex].payload)
                freshIndex += 1
            }
            group.lease(seq, to: worker, attempt: attempt, now: now)
            stageGroup(.leased(seq: seq, worker: worker, attempt: attempt), group.name)
            let routingID = group.workers[worker]?.routingID ?? Array(worker.utf8)
            messages.append([
                routingID, Array(GroupWire.work.utf8), Array(group.name.utf8), BusWire.encode(seq),
                BusWire.encode(count: UInt32(attempt)), topic, payload,
            ])
        }
        pageDone()
        return messages
    }

    /// Up to `limit` committed records from `from` whose topic starts with `prefix`, and how far it looked.
    private func scan(from: UInt64, prefix: [UInt8], limit: Int) throws -> ([(seq: UInt64, topic: [UInt8], payload: [UInt8])], UInt64?) {
        guard from <= journal.lastSeq else { return ([], nil) }
        var found: [(seq: UInt64, topic: [UInt8], payload: [UInt8])] = []
        var through: UInt64?
        var scanned = 0
        try journal.read(from: max(from, journal.firstSeq)) { record in
            scanned += 1
            through = record.seq
            if record.topic.starts(with: prefix) { found.append((record.seq, Array(record.topic), Array(record.payload))) }
            return found.count < limit && scanned < Self.replayScanLimit
        }
        return (found, through)
    }

    private func readRecord(_ seq: UInt64) throws -> (topic: [UInt8], payload: [UInt8], id: [UInt8])? {
        guard seq >= journal.firstSeq, seq <= journal.lastSeq else { return nil }
        var result: (topic: [UInt8], payload: [UInt8], id: [UInt8])?
        try journal.read(from: seq) { record in
            if record.seq == seq { result = (Array(record.topic), Array(record.payload), Array(record.id)) }
            return false
        }
        return result
    }

    /// Persists what a release decided; a dead letter is also published at `deadletter.<topic>`.
    private func record(_ release: QueueGroup.Release, group: String) {
        switch release {
        case .redeliver(let redelivery):
            stageGroup(.released(seq: redelivery.seq, attempts: redelivery.attempts, worker: redelivery.lastWorker), group)
        case .deadLetter(let redelivery):
            pendingDeadLetters.append((group, redelivery))
            stageGroup(.deadLettered(seq: redelivery.seq), group)
        }
    }

    private func stageGroup(_ operation: GroupOperation, _ group: String) {
        groupJournal.stage(operation, group: group)
    }

    /// Dead letters go to the main journal first, then the group journal records them as handled; a group
    /// journal grown past its limit is then compacted.
    private func commitGroupChanges() throws {
        if !pendingDeadLetters.isEmpty { try publishDeadLetters() }
        if groupJournal.hasStaged {
            let started = Self.monotonicNanoseconds()
            try groupJournal.commit()
            metrics.recordGroupCommit(nanoseconds: Self.monotonicNanoseconds() - started)
        }
        if groupJournal.needsCompaction { try groupJournal.compact(groups.values) }
    }

    private func publishDeadLetters() throws {
        var stored: [(topic: [UInt8], seq: UInt64, payload: [UInt8])] = []
        for (group, letter) in pendingDeadLetters {
            guard let original = try readRecord(letter.seq), let topic = Topic(rawValue: String(decoding: original.topic, as: UTF8.self)) else { continue }
            let id = DeterministicID.make("\(group)/\(letter.seq)")
            let event = DeadLetter(
                originalTopic: topic, seq: letter.seq, reason: .maxAttemptsExceeded,
                detail: "queue group \(group): \(letter.reason) after \(letter.attempts) attempts",
                attempts: letter.attempts, lastWorker: letter.lastWorker,
                originalID: UUID(uuidString: String(decoding: original.id, as: UTF8.self)))
            let envelope = Envelope.make(event, source: "marquee/bus", id: id, now: Date())
            let payload = Array(try envelope.encoded())
            let idBytes = Array(id.uuidString.lowercased().utf8)
            let dead = Array(topic.deadLetter.rawValue.utf8)
            if dedupe.seq(for: idBytes) != nil { continue }
            let now = Self.nowMilliseconds()
            let seq = dead.withUnsafeBytes { t in idBytes.withUnsafeBytes { i in payload.withUnsafeBytes { p in
                journal.append(topic: t, id: i, identity: UnsafeRawBufferPointer(start: nil, count: 0), payload: p, time: now)
            } } }
            dedupe.remember(idBytes, seq: seq, time: now)
            stored.append((dead, seq, payload))
            logger.warning("message dead-lettered", metadata: ["group": "\(group)", "bus.seq": "\(letter.seq)", "reason": "\(letter.reason)"])
        }
        pendingDeadLetters.removeAll()
        if journal.hasStaged { try journal.commit() }
        for record in stored { try sendToSubscribers(topic: record.topic, seq: record.seq, payload: record.payload) }
    }

    /// Rebuilds every group from the group journal after a restart.
    func rebuildGroups() throws {
        let now = Self.nowMilliseconds()
        try groupJournal.replay { name, operation in
            if case .created(let settings) = operation, groups[name] == nil {
                groups[name] = QueueGroup(name: name, settings: settings)
            }
            groups[name]?.replay(operation, now: now)
        }
        if !groups.isEmpty {
            logger.info("queue groups restored", metadata: ["groups": "\(groups.keys.sorted())"])
        }
    }

    private func groupError(_ routingID: [UInt8], _ group: String, _ code: GroupWire.ErrorCode, _ sentence: String) -> [[UInt8]] {
        [routingID, Array(BusWire.error.utf8), Array(group.utf8), Array(code.rawValue.utf8), Array(sentence.utf8)]
    }
}

/// A UUID derived from a name (FNV-1a), so the same dead letter written twice after a crash has the
/// same event id and the broker's dedupe window stores it once.
enum DeterministicID {
    static func make(_ name: String) -> UUID {
        var first: UInt64 = 0xcbf2_9ce4_8422_2325
        var second: UInt64 = 0x8422_2325_cbf2_9ce4
        for byte in name.utf8 {
            first = (first ^ UInt64(byte)) &* 0x100_0000_01b3
            second = (second ^ UInt64(byte)) &* 0x100_0000_01b3 &+ 0x9e37_79b9
        }
        let a = withUnsafeBytes(of: first.bigEndian) { Array($0) }
        let b = withUnsafeBytes(of: second.bigEndian) { Array($0) }
        let bytes = a + b
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6] & 0x0F | 0x50, bytes[7],
                           bytes[8] & 0x3F | 0x80, bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}
