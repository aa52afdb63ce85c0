import Broker
import Bus
import BusProtocol
import Contracts
import Foundation
import Synchronization
import Testing
import ZeroMQ

/// Seqs each worker acknowledged, and every delivery seen, recorded from many tasks.
final class WorkLog: Sendable {
    private let state = Mutex<(acked: [UInt64: Int], deliveries: [UInt64: Int])>(([:], [:]))

    func delivered(_ seq: UInt64) { state.withLock { $0.deliveries[seq, default: 0] += 1 } }
    func acked(_ seq: UInt64) { state.withLock { $0.acked[seq, default: 0] += 1 } }
    var ackCounts: [UInt64: Int] { state.withLock { $0.acked } }
    var deliveryCounts: [UInt64: Int] { state.withLock { $0.deliveries } }
}

@Suite(.timeLimit(.minutes(3))) struct QueueGroupTests {
    let logger = TestBroker.quietLogger

    /// Workers join late, leave early, and one crashes holding leases (its records go to others once the
    /// broker notices its silence); every record is still acked exactly once.
    @Test func eachMessageIsAckedExactlyOnceWhileWorkersComeAndGo() async throws {
        let bus = try await TestBroker.start()
        defer { bus.removeData() }
        let publisher = try Publisher(ingress: bus.endpoints.ingress, logger: logger)
        let total = 3000
        for batch in stride(from: 0, to: total, by: 500) {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in batch..<batch + 500 {
                    group.addTask { _ = try await publisher.publish(topic: "qa.check.requested", payload: Array("\(index)".utf8), id: "w\(index)") }
                }
                try await group.waitForAll()
            }
        }
        _ = try await publisher.publish(topic: "campaign.assigned", payload: [], id: "not-for-the-group")
        let log = WorkLog()
        let options = GroupWorker.Options(credit: 16, maxAttempts: 5, leaseMilliseconds: 10_000)
        func work(_ id: String, stopAfter: Int? = nil) async throws {
            let worker = try GroupWorker(endpoint: bus.endpoints.group, group: "qa", prefix: "qa.", id: id, options: options, logger: logger)
            var handled = 0
            for try await item in worker {
                log.delivered(item.seq)
                #expect(item.topic == "qa.check.requested")
                do {
                    try await worker.ack(item.seq)
                    log.acked(item.seq)
                } catch BusError.refused(code: "lease_lost", _) {
                    continue
                }
                handled += 1
                if let stopAfter, handled >= stopAfter { break }
                if log.ackCounts.count == total { break }
            }
            worker.close()
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await work("steady-1") }
            group.addTask { try await work("leaves-early", stopAfter: 200) }
            group.addTask { try crashAfterTakingWork(endpoint: bus.endpoints.group, log: log) }
            group.addTask {
                try await Task.sleep(for: .milliseconds(300))
                try await work("joins-late")
            }
            while log.ackCounts.count < total { try await Task.sleep(for: .milliseconds(20)) }
            group.cancelAll()
        }
        let acks = log.ackCounts
        #expect(acks.count == total, "every message acked")
        #expect(acks.values.allSatisfy { $0 == 1 }, "no message acked twice")
        #expect(Set(acks.keys) == Set(1...UInt64(total)))
        await publisher.close()
        try await bus.stop()
    }

    @Test func aMessageEveryWorkerRejectsIsDeadLetteredAfterMaxAttempts() async throws {
        let bus = try await TestBroker.start()
        defer { bus.removeData() }
        let publisher = try Publisher(ingress: bus.endpoints.ingress, logger: logger)
        let poison = try await publisher.publish(topic: "qa.check.requested", payload: Array("poison".utf8), id: "poison")
        // The nacks decide here, never an expired lease.
        let options = GroupWorker.Options(credit: 4, maxAttempts: 3, leaseMilliseconds: 120_000)
        let workers = try (1...2).map {
            try GroupWorker(endpoint: bus.endpoints.group, group: "qa", prefix: "qa.", id: "w\($0)", options: options, logger: logger)
        }
        let control = try BusControl(endpoint: bus.endpoints.control, logger: logger)
        let attempts = try await withThrowingTaskGroup(of: [Int].self) { group in
            for worker in workers {
                group.addTask {
                    var seen: [Int] = []
                    for try await item in worker {
                        seen.append(item.attempt)
                        try await worker.nack(item.seq, reason: "html does not parse")
                    }
                    return seen
                }
            }
            while try await control.replay(from: 1, prefix: "deadletter.").records.isEmpty {
                try await Task.sleep(for: .milliseconds(20))
            }
            workers.forEach { $0.close() }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(attempts.sorted() == [1, 2, 3])
        let letters = try await control.replay(from: 1, prefix: "deadletter.").records
        #expect(letters.count == 1)
        let letter = try #require(letters.first)
        #expect(letter.topic == "deadletter.qa.check.requested")
        let envelope = try Envelope<DeadLetter>.decode(Data(letter.payload), topic: letter.topic)
        #expect(envelope.data.seq == poison)
        #expect(envelope.data.attempts == 3)
        #expect(envelope.data.reason == .maxAttemptsExceeded)
        #expect(envelope.data.detail.contains("html does not parse"))
        await publisher.close()
        try await bus.stop()
    }

    @Test func groupProgressSurvivesABrokerRestartWithoutRedeliveringAckedWork() async throws {
        var bus = try await TestBroker.start()
        defer { bus.removeData() }
        let publisher = try Publisher(ingress: bus.endpoints.ingress, options: .init(ackTimeoutMilliseconds: 500), logger: logger)
        for index in 0..<400 { _ = try await publisher.publish(topic: "qa.check.requested", payload: [], id: "r\(index)") }
        let log = WorkLog()
        let worker = try GroupWorker(
            endpoint: bus.endpoints.group, group: "qa", prefix: "qa.", id: "survivor",
            options: .init(credit: 8, leaseMilliseconds: 10_000), logger: logger)
        let working = Task {
            for try await item in worker {
                log.delivered(item.seq)
                try await worker.ack(item.seq)
                log.acked(item.seq)
                if log.ackCounts.count == 400 { break }
            }
        }
        while log.ackCounts.count < 150 { try await Task.sleep(for: .milliseconds(5)) }
        bus = try await bus.restart()
        try await working.value
        worker.close()
        #expect(log.ackCounts.count == 400)
        #expect(log.ackCounts.values.allSatisfy { $0 == 1 })
        let redeliveredAfterAck = log.deliveryCounts.filter { $0.value > 1 }
        #expect(redeliveredAfterAck.isEmpty, "acked work came back: \(redeliveredAfterAck.keys.sorted())")
        await publisher.close()
        try await bus.stop()
    }
}

/// A worker that joins with a raw socket, takes its credit's worth of work, and vanishes without a LEAVE
/// or another heartbeat — as a `kill -9` would.
private func crashAfterTakingWork(endpoint: String, log: WorkLog) throws {
    let context = try Context()
    let socket = try Socket(context, .dealer)
    try socket.setRoutingID(Array("crashes".utf8))
    try socket.connect(endpoint)
    try socket.send(multipart: [
        Array("JOIN".utf8), Array("qa".utf8), Array("qa.".utf8), BusWire.encode(1), BusWire.encode(count: 16),
        BusWire.encode(count: 5), BusWire.encode(count: 10_000),
    ])
    try socket.setReceiveTimeout(milliseconds: 5000)
    var taken = 0
    while taken < 16, let frames = try socket.receiveMultipart() {
        if frames.first == Array("WORK".utf8), let seq = BusWire.decodeSeq(frames[2]) {
            log.delivered(seq)
            taken += 1
        }
    }
    socket.close()
}
