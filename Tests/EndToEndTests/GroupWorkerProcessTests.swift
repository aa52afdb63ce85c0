import Broker
import Bus
import Contracts
import Foundation
import Logging
import Testing

/// Queue groups across real processes: `marquee work` workers share the records of a prefix while the test
/// `kill -9`s some of them and starts new ones.
@Suite(.serialized, .timeLimit(.minutes(10))) struct GroupWorkerProcessTests {
    /// Messages to process; `MARQUEE_E2E_GROUP_MESSAGES` scales it (`make soak` runs 50,000). 20,000 takes about
    /// 100 s of a full `make test` on 2 cores.
    static let total = Int(ProcessInfo.processInfo.environment["MARQUEE_E2E_GROUP_MESSAGES"] ?? "") ?? 20_000
    static let credit = 32

    @Test func workerProcessesAckEveryMessageOnceWhileKilledAndReplaced() async throws {
        let total = Self.total
        let poisonEvery = max(total / 20, 1)
        let bus = try BusProcess(arguments: ["--flush", "os"])
        try await bus.start()
        let control = try BusControl(endpoint: bus.control, logger: BrokerCrashTests.logger)
        defer { control.close() }
        var workers: [MarqueeProcess] = []
        var nextWorker = 1
        func startWorker() throws {
            workers.append(
                try MarqueeProcess(
                    [
                        "work", "qa", "--prefix", "qa.", "--id", "worker-\(nextWorker)", "--credit", "\(Self.credit)",
                        "--max-attempts", "3", "--nack-marker", "poison",
                    ], bus: bus))
            nextWorker += 1
        }
        for _ in 0..<3 { try startWorker() }

        let seqs = try await Self.publish(total, poisonEvery: poisonEvery, bus: bus)
        let poison = Set((0..<total).filter { $0 % poisonEvery == poisonEvery - 1 }.map { "m-\($0)" })
        var killed: [MarqueeProcess] = []
        for fraction in [0.2, 0.45, 0.7] {
            while (workers + killed).reduce(0, { $0 + $1.lines.count }) < Int(Double(total) * fraction) {
                try await Task.sleep(for: .milliseconds(20))
            }
            let victim = workers.remove(at: Int.random(in: 0..<workers.count))
            victim.kill9()
            killed.append(victim)
            try startWorker()
        }
        let stats = try await GroupProbe.waitUntilSettled(
            "qa", acked: total - poison.count, deadLetters: poison.count, control: control, within: .seconds(180))
        for worker in workers { _ = await worker.stop() }

        // Each message was acked by exactly one worker; the only ids without an `acked` line are acks a killed
        // worker got confirmed but died before printing (at most its credit each).
        var ackLines: [String: Int] = [:]
        for line in (workers + killed).flatMap(\.lines) where line.hasPrefix("acked ") {
            let fields = line.split(separator: " ")
            guard fields.count == 3, let seq = UInt64(fields[1]) else {
                Issue.record("unreadable worker line: \(line)")
                continue
            }
            #expect(seqs[String(fields[2])] == seq, "worker printed \(fields[2]) for seq \(seq)")
            ackLines[String(fields[2]), default: 0] += 1
        }
        let twice = ackLines.filter { $0.value > 1 }
        #expect(twice.isEmpty, "acked more than once: \(twice.keys.sorted().prefix(10))")
        #expect(poison.isDisjoint(with: ackLines.keys), "a poison message was acked")
        let unprinted = Set(seqs.keys).subtracting(poison).subtracting(ackLines.keys)
        #expect(unprinted.count <= killed.count * Self.credit, "\(unprinted.count) messages without an ack line")
        #expect(stats.acked == UInt64(total - poison.count), "the broker counted every ack once")
        #expect(stats.leases == 0 && stats.waitingRedelivery == 0, "nothing left in flight")

        // Each poison message was dead-lettered at deadletter.qa.check.requested after 3 attempts, with the reason.
        let letters = try await GroupProbe.deadLetters(control)
        #expect(Set(letters.map(\.seq)) == Set(poison.compactMap { seqs[$0] }))
        for letter in letters {
            #expect(letter.topic == Topic(rawValue: "deadletter.qa.check.requested"))
            #expect(letter.reason == .maxAttemptsExceeded)
            #expect(letter.attempts == 3)
            #expect(letter.detail.contains("the payload contains 'poison'"))
        }
        #expect(await bus.stop() == 0)
    }

    /// Publishes `total` JSON messages `{"id":"m-N"}` at `qa.check.requested` (every `poisonEvery`-th one marked
    /// poison) and returns each id's seq.
    static func publish(_ total: Int, poisonEvery: Int, bus: BusProcess) async throws -> [String: UInt64] {
        let publisher = try Publisher(ingress: bus.ingress, options: .init(window: 2000), logger: BrokerCrashTests.logger)
        let log = AckLog()
        for chunk in stride(from: 0, to: total, by: 2000) {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in chunk..<min(chunk + 2000, total) {
                    group.addTask {
                        let marker = index % poisonEvery == poisonEvery - 1 ? #","poison":true"# : ""
                        let payload = Array(#"{"id":"m-\#(index)"\#(marker)}"#.utf8)
                        let seq = try await publisher.publish(topic: "qa.check.requested", payload: payload, id: "m-\(index)")
                        log.record(seq: seq, index: index)
                    }
                }
                try await group.waitForAll()
            }
        }
        await publisher.close()
        return Dictionary(uniqueKeysWithValues: log.bySeq.map { ("m-\($0.value)", $0.key) })
    }
}

/// Reads queue-group progress and dead letters from a running broker.
enum GroupProbe {
    /// The group's STATS entry, if the group exists.
    static func stats(_ group: String, control: BusControl) async throws -> GroupStats? {
        let report = try JSONDecoder().decode(BrokerStatsReport.self, from: Data(try await control.stats()))
        return report.groups.first { $0.name == group }
    }

    /// Waits until the group has acked and dead-lettered these many records, and returns its stats.
    static func waitUntilSettled(
        _ group: String, acked: Int, deadLetters: Int, control: BusControl, within limit: Duration
    ) async throws -> GroupStats {
        let deadline = ContinuousClock.now + limit
        while true {
            let stats = try? await Self.stats(group, control: control)
            if let stats, stats.acked >= UInt64(acked), stats.deadLetters >= UInt64(deadLetters) { return stats }
            guard ContinuousClock.now < deadline else {
                throw ProcessTimeout(description: "group \(group) did not settle: \(String(describing: stats))")
            }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    /// Every dead letter in the journal.
    static func deadLetters(_ control: BusControl) async throws -> [DeadLetter] {
        var letters: [DeadLetter] = []
        var next: UInt64 = 1
        while true {
            let page = try await control.replay(from: next, prefix: "deadletter.")
            for record in page.records {
                letters.append(try Envelope<DeadLetter>.decode(Data(record.payload), topic: record.topic).data)
            }
            if page.through >= page.head { return letters }
            next = page.through + 1
        }
    }
}
