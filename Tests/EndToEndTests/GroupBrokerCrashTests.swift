import Bus
import Foundation
import Synchronization
import Testing

/// Queue-group state on a broker that is `kill -9`ed mid-work: leases, acks and cursors come back from the
/// group journal, so no acknowledged record is handed out again and none is lost.
@Suite(.serialized, .timeLimit(.minutes(5))) struct GroupBrokerCrashTests {
    @Test func noAckedMessageComesBackAndNoneIsLostAcrossKillNineOfTheBroker() async throws {
        let total = max(GroupWorkerProcessTests.total / 5, 2000)
        let bus = try BusProcess()
        try await bus.start()
        let seqs = try await GroupWorkerProcessTests.publish(total, poisonEvery: total + 1, bus: bus)
        let log = ConfirmedWork()
        let workers = try (1...3).map { number in
            try GroupWorker(
                endpoint: bus.group, group: "qa", prefix: "qa.", id: "survivor-\(number)",
                options: .init(credit: 16, leaseMilliseconds: 20_000), logger: BrokerCrashTests.logger)
        }
        let working = Task {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for worker in workers {
                    group.addTask {
                        for try await work in worker {
                            log.delivered(work.seq)
                            do {
                                try await worker.ack(work.seq)
                                log.confirmed(work.seq)
                            } catch BusError.refused(code: "lease_lost", _) {
                                continue
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
        for fraction in [0.3, 0.65] {
            while log.confirmedCount < Int(Double(total) * fraction) { try await Task.sleep(for: .milliseconds(10)) }
            bus.kill9()
            try await bus.start()
        }
        let deadline = ContinuousClock.now + .seconds(120)
        while log.confirmedCount < total, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
        workers.forEach { $0.close() }
        working.cancel()
        _ = try? await working.value

        #expect(log.confirmedCount == total, "every message acked")
        #expect(log.ackedTwice.isEmpty, "acked twice: \(log.ackedTwice.prefix(10))")
        #expect(log.deliveredAfterAck.isEmpty, "acked work came back: \(log.deliveredAfterAck.prefix(10))")
        let missing = Set(seqs.values).subtracting(log.confirmedSeqs)
        #expect(missing.isEmpty, "never acked: \(missing.sorted().prefix(10))")
        #expect(await bus.stop() == 0)
    }
}

/// Deliveries and confirmed acks seen by in-process workers, and the violations among them.
final class ConfirmedWork: Sendable {
    private struct State {
        var confirmed: [UInt64: Int] = [:]
        var deliveredAfterAck: [UInt64] = []
    }

    private let state = Mutex(State())

    /// A delivery of `seq`: a violation if its ack was already confirmed.
    func delivered(_ seq: UInt64) {
        state.withLock { if $0.confirmed[seq] != nil { $0.deliveredAfterAck.append(seq) } }
    }

    /// The broker confirmed the ack of `seq` (it is durable).
    func confirmed(_ seq: UInt64) {
        state.withLock { $0.confirmed[seq, default: 0] += 1 }
    }

    var confirmedCount: Int { state.withLock { $0.confirmed.count } }
    var confirmedSeqs: [UInt64] { state.withLock { Array($0.confirmed.keys) } }
    var ackedTwice: [UInt64] { state.withLock { $0.confirmed.filter { $0.value > 1 }.keys.sorted() } }
    var deliveredAfterAck: [UInt64] { state.withLock { $0.deliveredAfterAck } }
}
