import Broker
import Bus
import Foundation
import Testing

/// A broker whose group journal is compacted again and again while workers ack, nack and restart with it.
@Suite(.timeLimit(.minutes(10))) struct GroupCompactionTests {
    let logger = TestBroker.quietLogger

    @Test func theGroupJournalStaysSmallAndProgressSurvivesRestarts() async throws {
        var bus = try await TestBroker.start { $0.groupJournalCompactBytes = 16 << 10 }
        defer { bus.removeData() }
        let publisher = try Publisher(ingress: bus.endpoints.ingress, logger: logger)
        let total = 3000
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<total {
                group.addTask {
                    let payload = Array((index % 500 == 0 ? "poison" : "ok").utf8)
                    _ = try await publisher.publish(topic: "qa.check.requested", payload: payload, id: "c\(index)")
                }
            }
            try await group.waitForAll()
        }
        await publisher.close()
        let log = WorkLog()
        // Leases long enough that none expires while the acks before it wait for their commits on a loaded
        // machine: an expired lease rightly redelivers, and this test is about compaction and restarts.
        let options = GroupWorker.Options(credit: 16, maxAttempts: 2, leaseMilliseconds: 30_000)
        func work(until acked: Int) async throws {
            let worker = try GroupWorker(
                endpoint: bus.endpoints.group, group: "qa", prefix: "qa.", id: "compacting", options: options, logger: logger)
            for try await item in worker {
                log.delivered(item.seq)
                if item.payload == Array("poison".utf8) {
                    try await worker.nack(item.seq, reason: "poison")
                    continue
                }
                try await worker.ack(item.seq)
                log.acked(item.seq)
                if log.ackCounts.count >= acked { break }
            }
            worker.close()
            // The broker releases what the worker still held when it reads its LEAVE: wait for that before the
            // restart, or the restart restores those leases to a worker that is gone (they come back only when
            // they expire, and a record held at two such ends is dead-lettered after its second attempt).
            let control = try BusControl(endpoint: bus.endpoints.control, logger: logger)
            defer { control.close() }
            while try JSONDecoder().decode(BrokerStatsReport.self, from: Data(try await control.stats())).groups.first?.workers
                .isEmpty == false
            {
                try await Task.sleep(for: .milliseconds(20))
            }
        }
        try await work(until: 1000)
        bus = try await bus.restart()
        try await work(until: 2000)
        bus = try await bus.restart()
        try await work(until: total - 6)

        let control = try BusControl(endpoint: bus.endpoints.control, logger: logger)
        defer { control.close() }
        var report = try JSONDecoder().decode(BrokerStatsReport.self, from: Data(try await control.stats()))
        while report.groups.first?.deadLetters ?? 0 < 6 {
            try await Task.sleep(for: .milliseconds(50))
            report = try JSONDecoder().decode(BrokerStatsReport.self, from: Data(try await control.stats()))
        }
        let stats = try #require(report.groups.first)
        #expect(log.ackCounts.count == total - 6)
        #expect(log.ackCounts.values.allSatisfy { $0 == 1 })
        let acked = Set(log.ackCounts.keys)
        #expect(log.deliveryCounts.filter { acked.contains($0.key) && $0.value > 1 }.isEmpty, "acked work came back")
        #expect(stats.acked == UInt64(total - 6), "counters survive compactions and restarts")
        #expect(stats.deadLetters == 6)
        #expect(stats.leases == 0)
        let groupsDirectory = URL(fileURLWithPath: bus.directory).appendingPathComponent("groups")
        let bytes = try FileManager.default.contentsOfDirectory(at: groupsDirectory, includingPropertiesForKeys: [.fileSizeKey])
            .reduce(0) { $0 + ((try? $1.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0) }
        #expect(bytes < 64 << 10, "the group journal holds \(bytes) bytes")
        try await bus.stop()
    }
}
