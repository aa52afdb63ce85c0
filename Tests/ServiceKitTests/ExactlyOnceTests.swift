import Bus
import Contracts
import Domain
import Foundation
import ServiceKit
import ServiceTestKit
import Testing

@Suite struct ExactlyOnceTests {
    @Test func everyEffectAndOutgoingEventHappensOnceAcrossCrashes() async throws {
        let broker = try await TestBroker.start()
        let files = try TestStore()
        let input = try Publisher(ingress: broker.endpoints.ingress, logger: .quiet)
        let output = try Publisher(ingress: broker.endpoints.ingress, logger: .quiet)
        let count = 20
        let events = (1...count).map { Fixture.triaged($0) }
        var lastSeq: UInt64 = 0
        for event in events { lastSeq = try await input.publish(event) }
        let handler = RecordingHandler(failOnce: ["cmp-7"])

        // A write fails inside event 7's transaction: the consumer stops, nothing of event 7 is stored.
        var store = try files.open()
        let first = Running(Fixture.consumer(store: store, broker: broker, handler: handler))
        await #expect(throws: RecordingHandler.SimulatedWriteFailure.self) { try await first.task.value }
        #expect(try await Effect.all(in: store).map(\.campaignID) == (1...6).map { "cmp-\($0)" })

        // Restarted, it handles the rest; the relay is not running: a crash after commit, before publish.
        store = try files.open()
        let second = Running(Fixture.consumer(store: store, broker: broker, handler: handler))
        try await store.waitForInbox(lastSeq)
        try await second.stop()
        #expect(try await store.outboxBacklog() == count)
        #expect(try await broker.journal(prefix: "campaign.assigned").isEmpty)

        // The relay crashes after the broker acked row 5, before marking it sent.
        await #expect(throws: CrashingPublisher.SimulatedCrash.self) {
            try await Fixture.relay(store: store, publisher: CrashingPublisher(base: output, crashAfter: 5))
                .publishPending()
        }
        #expect(try await store.outboxBacklog() == count - 4)

        // Everything restarted on the same database.
        store = try files.open()
        let third = Running(Fixture.consumer(store: store, broker: broker, handler: handler))
        let relay = Running(Fixture.relay(store: store, publisher: output))
        try await store.waitForEmptyOutbox()
        try await relay.stop()
        try await third.stop()

        let effects = try await Effect.all(in: store)
        #expect(effects.map(\.campaignID) == (1...count).map { "cmp-\($0)" })
        #expect(effects.map(\.eventID) == events.map { $0.id.uuidString.lowercased() })
        let rows = try await StoredOutboxRow.all(in: store)
        #expect(rows.count == count)
        let journal = try await broker.journal(prefix: "campaign.assigned")
        let published = try journal.map { try EnvelopeHeader.decode(Data($0.payload)).id.uuidString.lowercased() }
        #expect(published == rows.map(\.id))
        #expect(journal.map(\.seq) == rows.compactMap(\.sentSeq))

        await input.close()
        await output.close()
        try await broker.stop()
        try files.remove()
    }

    @Test func aRepublishedEventIsHandledOnceEvenAfterARestart() async throws {
        let broker = try await TestBroker.start()
        let files = try TestStore()
        let input = try Publisher(ingress: broker.endpoints.ingress, logger: .quiet)
        let event = Fixture.triaged(1)
        let bytes = try event.encoded()
        _ = try await input.publish(event)
        // The same event id stored again by the broker (another publish id): a duplicate delivery.
        let again = try await input.publishRaw(bytes, topic: IntakeTriaged.topic.rawValue, id: "again-1")

        var store = try files.open()
        let first = Running(Fixture.consumer(store: store, broker: broker))
        try await store.waitForInbox(again)
        try await first.stop()

        let later = try await input.publishRaw(bytes, topic: IntakeTriaged.topic.rawValue, id: "again-2")
        let next = try await input.publish(Fixture.triaged(2))
        #expect(later < next)
        store = try files.open()
        let second = Running(Fixture.consumer(store: store, broker: broker))
        try await store.waitForInbox(next)
        try await second.stop()

        #expect(try await Effect.all(in: store).map(\.campaignID) == ["cmp-1", "cmp-2"])
        #expect(try await StoredOutboxRow.all(in: store).count == 2)

        await input.close()
        try await broker.stop()
        try files.remove()
    }
}
