import BusProtocol
import Logging
import ZeroMQ

extension BrokerLoop {
    /// Drains up to `maxBatch` publishes without blocking, stores them with one journal commit, then fans
    /// them out and acknowledges them. Returns how many publishes were drained.
    func drainIngress() throws -> Int {
        staged.removeAll(keepingCapacity: true)
        let now = Self.nowMilliseconds()
        let scratch = slots.capacity - 1
        while staged.count < configuration.maxBatch {
            let slot = staged.count * 4
            guard try slots.receive(slot, from: ingress, dontWait: true) else { break }
            var frames = 0
            var more = slots.more(slot)
            while more {
                let target = frames < 3 ? slot + 1 + frames : scratch
                _ = try slots.receive(target, from: ingress, dontWait: false)
                frames += 1
                more = slots.more(target)
            }
            staged.append(stage(slot: slot, frames: frames, now: now))
        }
        guard !staged.isEmpty else { return 0 }
        if journal.hasStaged { try commit() }
        fanOut()
        acknowledge()
        return staged.count
    }

    /// Validates one drained publish and, if new, appends it to the journal's batch.
    private func stage(slot: Int, frames: Int, now: Int64) -> Staged {
        guard frames == 3 else {
            return refuse(slot, .badFrames, "a publish has exactly three frames [topic, payload, id]; got \(frames)")
        }
        let topic = slots.bytes(slot + 1)
        let payload = slots.bytes(slot + 2)
        let id = slots.bytes(slot + 3)
        guard BusWire.isPublishable(topic: topic) else {
            return refuse(slot, .badTopic, "a topic is 1-255 bytes of a-z, 0-9, '.' and '_', starting with a letter")
        }
        guard !id.isEmpty, id.count <= BusWire.maxIDBytes else {
            return refuse(slot, .badID, "an id is 1-\(BusWire.maxIDBytes) bytes")
        }
        guard payload.count <= configuration.maxMessageBytes else {
            return refuse(slot, .tooLarge, "the payload has \(payload.count) bytes; the limit is \(configuration.maxMessageBytes)")
        }
        var identity = UnsafeRawBufferPointer(start: nil, count: 0)
        if let publishPolicy {
            let peer = slots.property(slot + 1, named: "User-Id")
            if case .forbidden(let sentence) = publishPolicy.authorize(identity: peer, topic: topic, payload: payload) {
                logger.warning(
                    "publish forbidden",
                    metadata: [
                        "identity": "\(peer.map { String(decoding: $0, as: UTF8.self) } ?? "")",
                        "topic": "\(String(decoding: topic, as: UTF8.self))", "reason": "\(sentence)",
                    ])
                return refuse(slot, .forbidden, sentence)
            }
            identity = peer ?? identity
        }
        let key = Array(id)
        if let seq = dedupe.seq(for: key) {
            stats.duplicates += 1
            return Staged(slot: slot, seq: seq, outcome: .duplicate)
        }
        let seq = journal.append(topic: topic, id: id, identity: identity, payload: payload, time: now)
        dedupe.remember(key, seq: seq, time: now)
        stats.published += 1
        stats.publishedBytes += UInt64(payload.count)
        return Staged(slot: slot, seq: seq, outcome: .stored)
    }

    private func refuse(_ slot: Int, _ code: BusWire.ErrorCode, _ sentence: String) -> Staged {
        stats.rejected += 1
        logger.debug("publish refused", metadata: ["reason": "\(code.rawValue)"])
        return Staged(slot: slot, seq: 0, outcome: .refused(code, sentence))
    }

    /// Makes the batch durable under the flush policy. A failed write leaves the journal's tail unknown,
    /// so the batch is refused and the error ends the broker; restart recovery truncates the torn tail.
    private func commit() throws {
        let started = Self.monotonicNanoseconds()
        do {
            try journal.commit()
        } catch {
            logger.critical("journal write failed; refusing the batch and stopping", metadata: ["error": "\(error)"])
            for index in staged.indices {
                if case .stored = staged[index].outcome {
                    staged[index].outcome = .refused(.journalFailure, "the journal could not store the message")
                }
            }
            acknowledge()
            throw error
        }
        let elapsed = Self.monotonicNanoseconds() - started
        stats.batches += 1
        stats.commitNanosecondsTotal += elapsed
        stats.commitNanosecondsMax = max(stats.commitNanosecondsMax, elapsed)
        metrics.recordCommit(nanoseconds: elapsed)
    }

    /// Sends every newly stored record to subscribers as `[topic, seq, payload]`, handing the received
    /// frames over without copying. XPUB drops for a subscriber past its high-water mark; that subscriber
    /// sees the gap in seqs and replays it.
    private func fanOut() {
        for entry in staged {
            guard case .stored = entry.outcome else { continue }
            do {
                try slots.send(entry.slot + 1, to: fanout, more: true, dontWait: true)
                try BusWire.encode(entry.seq).withUnsafeBytes { _ = try fanout.send($0, more: true, dontWait: true) }
                try slots.send(entry.slot + 2, to: fanout, more: false, dontWait: true)
            } catch {
                logger.error("fan-out failed", metadata: ["bus.seq": "\(entry.seq)", "error": "\(error)"])
            }
        }
    }

    /// Replies to publishers: one `[OK, id, seq, id, seq, …]` per run of acknowledged publishes from the
    /// same publisher, and one `[ERR, id, code, sentence]` per refused publish.
    private func acknowledge() {
        var index = 0
        while index < staged.count {
            let entry = staged[index]
            let identity = slots.bytes(entry.slot)
            do {
                if case .refused(let code, let sentence) = entry.outcome {
                    try ingress.send(identity, more: true)
                    try ingress.send(Array(BusWire.error.utf8), more: true)
                    try ingress.send(slots.bytes(entry.slot + 3), more: true)
                    try ingress.send(Array(code.rawValue.utf8), more: true)
                    try ingress.send(Array(sentence.utf8), more: false)
                    index += 1
                    continue
                }
                var end = index + 1
                while end < staged.count, !staged[end].isRefused, slots.bytes(staged[end].slot).elementsEqual(identity) {
                    end += 1
                }
                try ingress.send(identity, more: true)
                try ingress.send(Array(BusWire.ok.utf8), more: true)
                for position in index..<end {
                    let slot = staged[position].slot
                    try ingress.send(slots.bytes(slot + 3), more: true)
                    try BusWire.encode(staged[position].seq).withUnsafeBytes {
                        _ = try ingress.send($0, more: position < end - 1)
                    }
                }
                index = end
            } catch {
                logger.debug("acknowledgement not delivered", metadata: ["error": "\(error)"])
                index += 1
            }
        }
    }
}

extension BrokerLoop.Staged {
    var isRefused: Bool {
        if case .refused = outcome { return true }
        return false
    }
}
