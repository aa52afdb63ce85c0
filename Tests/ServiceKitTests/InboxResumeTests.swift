import Bus
import Contracts
import Foundation
import Prometheus
import ServiceKit
import ServiceTestKit
import Testing

@Suite struct InboxResumeTests {
    @Test func aRestartedConsumerContinuesAfterTheStoredSeq() async throws {
        let broker = try await TestBroker.start()
        let files = try TestStore()
        let input = try Publisher(ingress: broker.endpoints.ingress, logger: .quiet)
        var seqs: [UInt64] = []
        for n in 1...3 { seqs.append(try await input.publish(Fixture.triaged(n))) }

        var store = try files.open()
        let first = Running(Fixture.consumer(store: store, broker: broker))
        try await store.waitForInbox(seqs[2])
        try await first.stop()
        for n in 4...5 { seqs.append(try await input.publish(Fixture.triaged(n))) }

        // A new process: it must start at the stored seq + 1, seeing neither old events nor duplicates.
        store = try files.open()
        #expect(try await store.inboxSeq(consumer: "test") == seqs[2])
        let registry = PrometheusCollectorRegistry()
        let second = Running(
            Fixture.consumer(store: store, broker: broker, metrics: PrometheusMetricsFactory(registry: registry)))
        try await store.waitForInbox(seqs[4])
        try await second.stop()

        #expect(try await Effect.all(in: store).map(\.seq) == seqs)
        let metrics = registry.emitToString()
        #expect(metrics.contains(#"outcome="handled"} 2"#))
        #expect(!metrics.contains(#"outcome="duplicate""#))
        #expect(!metrics.contains(#"outcome="already_processed""#))

        await input.close()
        try await broker.stop()
        try files.remove()
    }
}
