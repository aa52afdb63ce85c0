import Bus
import Contracts
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Prometheus
import ServiceKit
import ServiceTestKit
import Synchronization
import Testing

@Suite struct StatusEndpointTests {
    @Test func metricsAndHealthDescribeTheConsumer() async throws {
        let broker = try await TestBroker.start()
        let files = try TestStore()
        let input = try Publisher(ingress: broker.endpoints.ingress, logger: .quiet)
        let output = try Publisher(ingress: broker.endpoints.ingress, logger: .quiet)
        let control = try BusControl(endpoint: broker.endpoints.control, timeoutMilliseconds: 2000, logger: .quiet)
        let store = try files.open()
        let registry = PrometheusCollectorRegistry()
        let factory = PrometheusMetricsFactory(registry: registry)
        let consumer = Running(Fixture.consumer(store: store, broker: broker, metrics: factory))
        let relay = Running(Fixture.relay(store: store, publisher: output, metrics: factory))
        _ = try await input.publish(Fixture.triaged(1))
        let last = try await input.publishRaw(Data("not json".utf8), topic: IntakeTriaged.topic.rawValue)
        try await store.waitForInbox(last)
        try await store.waitForEmptyOutbox()
        try await relay.stop()
        try await consumer.stop()

        let health = ServiceHealth(service: "test", store: store, control: control, logger: .quiet)
        let endpoint = StatusEndpoint(
            host: "127.0.0.1", port: 0, registry: registry, health: { await health.report() }, logger: .quiet)
        try await endpoint.application().test(.router) { client in
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
                let text = String(buffer: response.body)
                let expected = [
                    #"marquee_events_handled_total{service="test",type="campaign.intake.triaged",outcome="handled"} 1"#,
                    #"marquee_events_handled_total{service="test",type="unknown",outcome="deadlettered"} 1"#,
                    #"marquee_deadletters_total{service="test",reason="malformed_json"} 1"#,
                    #"marquee_event_handle_seconds_count{service="test",type="campaign.intake.triaged"} 1"#,
                    #"marquee_outbox_backlog{service="test"} 0.0"#,
                    #"marquee_consumer_seq{service="test",consumer="test"} \#(Double(last))"#,
                ]
                for line in expected { #expect(text.contains(line)) }
            }
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok)
                let body = Data(String(buffer: response.body).utf8)
                let report = try MarqueeJSON.decoder().decode(HealthReport.self, from: body)
                #expect(report == HealthReport(
                    service: "test", status: .ok, inboxLastSeq: ["test": last], outboxBacklog: 0, busConnected: true,
                    busHead: report.busHead))
                #expect((report.busHead ?? 0) >= last)
            }
        }

        control.close()
        await input.close()
        await output.close()
        try await broker.stop()
        try files.remove()
    }

    @Test func healthIsDegradedWithoutABroker() async throws {
        let files = try TestStore()
        let store = try files.open()
        // Nothing listens here: PING times out.
        let control = try BusControl(endpoint: "tcp://127.0.0.1:1", timeoutMilliseconds: 200, logger: .quiet)
        let report = await ServiceHealth(service: "test", store: store, control: control, logger: .quiet).report()
        #expect(report.status == .degraded)
        #expect(report.busConnected == false)
        #expect(report.outboxBacklog == 0)
        control.close()
        try files.remove()
    }

    @Test func announcesTheRealPortOnceListening() async throws {
        let announced = Mutex<String?>(nil)
        let endpoint = StatusEndpoint(
            host: "127.0.0.1", port: 0, registry: PrometheusCollectorRegistry(),
            health: {
                HealthReport(service: "test", status: .ok, inboxLastSeq: [:], outboxBacklog: 0, busConnected: true,
                             busHead: nil)
            }, onReady: { address in announced.withLock { $0 = address } }, logger: .quiet)
        try await endpoint.application().test(.live) { client in
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok)
            }
            #expect(announced.withLock { $0 } == "127.0.0.1:\(client.port ?? -1)")
        }
    }
}
