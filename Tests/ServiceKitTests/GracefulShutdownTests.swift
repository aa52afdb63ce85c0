import Bus
import ServiceKit
import ServiceLifecycle
import ServiceTestKit
import Testing

@Suite struct GracefulShutdownTests {
    @Test func consumerAndRelayEndCleanlyOnGracefulShutdown() async throws {
        let broker = try await TestBroker.start()
        let files = try TestStore()
        let input = try Publisher(ingress: broker.endpoints.ingress, logger: .quiet)
        let output = try Publisher(ingress: broker.endpoints.ingress, logger: .quiet)
        let store = try files.open()
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [
                    .init(service: Fixture.relay(store: store, publisher: output)),
                    .init(service: Fixture.consumer(store: store, broker: broker)),
                ], logger: .quiet))
        let running = Task { try await group.run() }
        let seq = try await input.publish(Fixture.triaged(1))
        try await store.waitForInbox(seq)
        try await store.waitForEmptyOutbox()

        await group.triggerGracefulShutdown()
        try await withTimeout(.seconds(10), "the group to stop") { try await running.value }
        #expect(try await Effect.all(in: store).count == 1)

        await input.close()
        await output.close()
        try await broker.stop()
        try files.remove()
    }
}
