import BusProtocol
import Foundation
import Logging
import ZeroMQ

extension BrokerLoop {
    /// Most journal records one REPLAY may scan past without a match before it answers, so a sparse
    /// prefix never stalls the loop; `through` tells the client where to continue.
    static let replayScanLimit = 50_000

    /// Serves up to 16 control requests without blocking.
    func serveControl() throws {
        for _ in 0..<16 {
            guard let frames = try control.receiveMultipart(dontWait: true) else { return }
            guard frames.count >= 3 else {
                if let identity = frames.first {
                    try reply(identity, [Array(BusWire.error.utf8), [], code(.badRequest), Array("a control request is [command, request-id, …]".utf8)])
                }
                continue
            }
            let identity = frames[0]
            let requestID = frames[2]
            switch String(decoding: frames[1], as: UTF8.self) {
            case BusWire.replay:
                try serveReplay(identity, requestID, Array(frames.dropFirst(3)))
            case BusWire.ping:
                try reply(identity, [Array(BusWire.pong.utf8), requestID, BusWire.encode(journal.lastSeq), BusWire.encode(journal.firstSeq)])
            case BusWire.stats:
                try reply(identity, [Array(BusWire.stats.utf8), requestID, statsJSON()])
            default:
                try refuse(identity, requestID, .unknownCommand, "known commands are REPLAY, STATS and PING")
            }
        }
    }

    /// `[REPLAY, request-id, from, prefix, max (, "identity")]` →
    /// `[RECORDS, request-id, through, head, first, (topic, seq, payload (, identity))*]`.
    private func serveReplay(_ identity: [UInt8], _ requestID: [UInt8], _ arguments: [[UInt8]]) throws {
        guard arguments.count == 3 || (arguments.count == 4 && arguments[3].elementsEqual(BusWire.replayIdentity.utf8)),
            let from = BusWire.decodeSeq(arguments[0]), let wanted = BusWire.decodeCount(arguments[2])
        else {
            return try refuse(
                identity, requestID, .badRequest, "REPLAY takes [from-seq (8 bytes), prefix, max-records (4 bytes), optionally \"identity\"]")
        }
        let withIdentity = arguments.count == 4
        stats.replayRequests += 1
        let start = max(from, 1)
        if start < journal.firstSeq {
            return try refuse(identity, requestID, .seqGone, "seq \(start) was removed by retention; the first retained seq is \(journal.firstSeq)", detail: journal.firstSeq)
        }
        let prefix = arguments[1]
        let limit = min(Int(wanted), configuration.replayMaxRecords)
        var seqs: [UInt64] = []
        var bytes = 0
        var scanned = 0
        var through = start - 1
        if start <= journal.lastSeq, limit > 0 {
            do {
                try journal.read(from: start) { record in
                    scanned += 1
                    if record.topic.starts(with: prefix) {
                        replaySlots.set(seqs.count * 3, to: record.topic)
                        replaySlots.set(seqs.count * 3 + 1, to: record.payload)
                        if withIdentity { replaySlots.set(seqs.count * 3 + 2, to: record.identity) }
                        seqs.append(record.seq)
                        bytes += record.payload.count
                    }
                    through = record.seq
                    return seqs.count < limit && bytes < configuration.replayMaxBytes && scanned < Self.replayScanLimit
                }
            } catch {
                logger.error("replay hit a corrupt record", metadata: ["error": "\(error)", "from": "\(start)"])
                return try refuse(identity, requestID, .corruptJournal, "the journal has a corrupt record after seq \(through): \(error)")
            }
        }
        stats.replayedRecords += UInt64(seqs.count)
        try control.send(identity, more: true)
        try control.send(Array(BusWire.records.utf8), more: true)
        try control.send(requestID, more: true)
        try control.send(BusWire.encode(through), more: true)
        try control.send(BusWire.encode(journal.lastSeq), more: true)
        try control.send(BusWire.encode(journal.firstSeq), more: !seqs.isEmpty)
        for (index, seq) in seqs.enumerated() {
            try replaySlots.send(index * 3, to: control, more: true)
            try control.send(BusWire.encode(seq), more: true)
            try replaySlots.send(index * 3 + 1, to: control, more: withIdentity || index < seqs.count - 1)
            if withIdentity { try replaySlots.send(index * 3 + 2, to: control, more: index < seqs.count - 1) }
        }
    }

    private func statsJSON() -> [UInt8] {
        let report = BrokerStatsReport(
            firstSeq: journal.firstSeq, lastSeq: journal.lastSeq, segments: journal.segmentCount,
            journalBytes: journal.sizeBytes, flush: configuration.journal.flush.rawValue,
            dedupeIDs: dedupe.count, counters: stats, groups: groupStats(now: Self.nowMilliseconds()))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(report)).map(Array.init) ?? Array("{}".utf8)
    }

    private func groupStats(now: Int64) -> [GroupStats] {
        groups.values.sorted { $0.name < $1.name }.map { group in
            let oldest = group.leases.values.map { $0.deadline - group.settings.leaseMilliseconds }.min()
            return GroupStats(
                name: group.name, cursor: group.cursor,
                unscanned: journal.lastSeq >= group.cursor ? journal.lastSeq - group.cursor + 1 : 0,
                leases: group.leases.count, waitingRedelivery: group.ready.count, workers: group.workers.keys.sorted(),
                acked: group.acked, redeliveries: group.redeliveries, deadLetters: group.deadLetters,
                oldestLeaseMilliseconds: oldest.map { max(0, now - $0) } ?? 0)
        }
    }

    private func refuse(_ identity: [UInt8], _ requestID: [UInt8], _ error: BusWire.ErrorCode, _ sentence: String, detail: UInt64? = nil) throws {
        var frames = [Array(BusWire.error.utf8), requestID, code(error), Array(sentence.utf8)]
        if let detail { frames.append(BusWire.encode(detail)) }
        try reply(identity, frames)
    }

    private func code(_ code: BusWire.ErrorCode) -> [UInt8] { Array(code.rawValue.utf8) }

    private func reply(_ identity: [UInt8], _ frames: [[UInt8]]) throws {
        try control.send(multipart: [identity] + frames)
    }
}
