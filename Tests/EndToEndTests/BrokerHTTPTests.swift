import Bus
import Foundation
import LineEndToEndSupport
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `marquee-bus --http HOST:PORT`: Prometheus metrics and health over HTTP.
@Suite(.serialized, .timeLimit(.minutes(3))) struct BrokerHTTPTests {
    @Test func metricsAndHealthDescribeTheBrokerAndItsGroups() async throws {
        let port = try loopbackFreePorts(1)[0]
        let bus = try BusProcess(arguments: ["--http", "127.0.0.1:\(port)"])
        try await bus.start()
        let control = try BusControl(endpoint: bus.control, logger: BrokerCrashTests.logger)
        defer { control.close() }
        _ = try await GroupWorkerProcessTests.publish(100, poisonEvery: 101, bus: bus)
        let worker = try GroupWorker(
            endpoint: bus.group, group: "qa", prefix: "qa.", id: "metrics", options: .init(credit: 8),
            logger: BrokerCrashTests.logger)
        var acked = 0
        for try await work in worker {
            try await worker.ack(work.seq)
            acked += 1
            if acked == 60 { break }
        }
        worker.close()
        try await Task.sleep(for: .milliseconds(1500))  // gauges and counters refresh once a second

        let (metricsStatus, metrics) = try await Self.get("http://127.0.0.1:\(port)/metrics")
        #expect(metricsStatus == 200)
        for line in [
            "marquee_bus_published_total 100", "marquee_bus_head_seq 100.0", "marquee_bus_journal_segments 1.0",
            #"marquee_bus_group_acked_total{group="qa"} 60"#, #"marquee_bus_group_workers{group="qa"} 0.0"#,
        ] {
            #expect(metrics.contains(line), "missing \(line)")
        }
        for name in [
            "marquee_bus_published_bytes_total", #"marquee_bus_commit_seconds_count{journal="messages"}"#,
            #"marquee_bus_commit_seconds_bucket{journal="groups""#, "marquee_bus_journal_bytes", "marquee_bus_subscriptions",
            #"marquee_bus_group_lag_records{group="qa"}"#, #"marquee_bus_group_leases{group="qa"}"#, #"marquee_bus_group_redeliveries_total{group="qa"}"#,
            #"marquee_bus_group_dead_letters_total{group="qa"}"#, "marquee_bus_group_journal_bytes",
        ] {
            #expect(metrics.contains(name), "missing \(name)")
        }
        let (healthStatus, health) = try await Self.get("http://127.0.0.1:\(port)/health")
        #expect(healthStatus == 200)
        #expect(health.contains(#""status":"ok""#) && health.contains(#""head_seq":100"#), "\(health)")
        #expect(await bus.stop() == 0)
    }

    private static func get(_ url: String) async throws -> (Int, String) {
        let (data, response) = try await URLSession.shared.data(from: try #require(URL(string: url)))
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }
}
