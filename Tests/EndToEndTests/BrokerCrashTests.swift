import Bus
import Foundation
import Logging
import Synchronization
import Testing

/// The foundation's promise, tested on real processes: acked publishes survive `kill -9` of the broker.
@Suite(.serialized, .timeLimit(.minutes(10))) struct BrokerCrashTests {
    static var logger: Logger {
        var logger = Logger(label: "e2e")
        logger.logLevel = .critical
        return logger
    }

    /// Messages to publish; `MARQUEE_E2E_MESSAGES` makes a longer soak.
    static let total = Int(ProcessInfo.processInfo.environment["MARQUEE_E2E_MESSAGES"] ?? "") ?? 200_000

    @Test(arguments: ["fsync", "os"])
    func everyAckedPublishSurvivesTwoKillNinesExactlyOnceAndInOrder(flush: String) async throws {
        let total = flush == "fsync" ? Self.total : Self.total / 4
        let bus = try BusProcess(arguments: ["--flush", flush])
        try await bus.start()
        let endpoints = BusEndpoints(ingress: bus.ingress, fanout: bus.fanout, control: bus.control)
        let subscriber = try Subscriber(endpoints: endpoints, from: .seq(1), logger: Self.logger)
        let publisher = try Publisher(
            ingress: bus.ingress, options: .init(window: 1000, ackTimeoutMilliseconds: 1000), logger: Self.logger)
        let acked = AckLog()
        let killPoints = Set([Int.random(in: total / 10..<total / 2), Int.random(in: total / 2..<total * 9 / 10)])

        let receiving = Task {
            var seqs: [UInt64] = []
            var payloads: [[UInt8]] = []
            seqs.reserveCapacity(total)
            for try await delivery in subscriber {
                seqs.append(delivery.seq)
                payloads.append(delivery.payload)
                if seqs.count == total { break }
            }
            return (seqs, payloads)
        }
        var kills = 0
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<total {
                group.addTask {
                    let seq = try await publisher.publish(
                        topic: "campaign.intake.held", payload: Array("message-\(index)".utf8), id: "e2e-\(index)")
                    acked.record(seq: seq, index: index)
                }
                if index % 1000 == 999 { try await group.waitForAll() }
                if killPoints.contains(index) {
                    bus.kill9()
                    kills += 1
                    try await bus.start()
                }
            }
            try await group.waitForAll()
        }
        #expect(kills == 2)
        let ackedBySeq = acked.bySeq
        #expect(ackedBySeq.count == total, "every publish was acked with its own seq")
        #expect(Set(ackedBySeq.values).count == total)

        // The subscriber that ran across both restarts saw each record once, in seq order.
        let (seqs, payloads) = try await receiving.value
        #expect(seqs == Array(1...UInt64(total)))
        #expect(zip(seqs, payloads).allSatisfy { seq, payload in payload == Array("message-\(ackedBySeq[seq] ?? -1)".utf8) })

        // A replay from the beginning returns exactly the acked records, in order.
        let control = try BusControl(endpoint: bus.control, logger: Self.logger)
        var from: UInt64 = 0
        var replayed: [UInt64] = []
        while true {
            let page = try await control.replay(from: from, limit: 1000)
            for record in page.records {
                replayed.append(record.seq)
                guard record.payload == Array("message-\(ackedBySeq[record.seq] ?? -1)".utf8) else {
                    Issue.record("seq \(record.seq) holds a payload that was not acked for it")
                    break
                }
            }
            if page.through >= page.head { break }
            from = page.through + 1
        }
        #expect(replayed == Array(1...UInt64(total)))
        subscriber.close()
        control.close()
        await publisher.close()
        #expect(await bus.stop() == 0, "SIGTERM stops the broker cleanly")
    }
}

/// Which publish (by index) each acked seq belongs to, written from many tasks.
final class AckLog: Sendable {
    private let entries = Mutex<[UInt64: Int]>([:])

    func record(seq: UInt64, index: Int) {
        entries.withLock { $0[seq] = index }
    }

    var bySeq: [UInt64: Int] { entries.withLock { $0 } }
}
