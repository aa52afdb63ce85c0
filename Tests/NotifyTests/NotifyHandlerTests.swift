import Contracts
import Domain
import Foundation
import GRDB
import ServiceKit
import Testing

@testable import NotifyService

@Suite struct NotifyHandlerTests {
    let config = NotifyConfig(
        email: EmailSettings(host: "127.0.0.1", port: 2525, from: "m@example.com", security: .plain),
        webhooks: [WebhookSettings(name: "ops", format: .slack, url: "http://127.0.0.1:1/", kinds: [.assignment])])

    var handler: NotifyHandler { NotifyHandler(rules: rules, config: config, wakeups: DeliveryWakeups(channels: ["email"])) }

    /// The envelope of fact `index` of `log`, under a fresh event id unless `id` is given.
    func envelope(_ log: FactLog, _ index: Int, id: UUID = UUID()) -> AnyEnvelope {
        let fact = CampaignFactRecorded(event: log.events[index], version: index + 1, stage: .submitted)
        return AnyEnvelope(Envelope.make(fact, source: "tests", id: id, now: log.events[index].occurredAt))
    }

    func handle(_ event: AnyEnvelope, in store: ServiceStore, now: Date) async throws {
        let handler = handler
        try await store.write(source: NotifyService.source, now: now) { db, outbox in
            try handler.handle(event, in: db, outbox: &outbox, context: EventContext(seq: 1, now: now, logger: quietLogger))
        }
    }

    @Test func aFactRepublishedUnderANewIdNotifiesOnce() async throws {
        let store = try makeStore()
        let log = FactLog.built()
        for index in 0...2 { try await handle(envelope(log, index), in: store, now: log.now) }
        try await handle(envelope(log, 2), in: store, now: log.now)  // specialist_assigned again, new event id
        #expect(try await store.deliveries("email") == ["pending 0"])
        #expect(try await store.deliveries("webhook:ops") == ["pending 0"])
        #expect(try await store.outboxTopics() == ["notification.inbox"])
    }

    @Test func aFactAheadOfItsCampaignIsRejected() async throws {
        let store = try makeStore()
        let log = FactLog.built()
        try await handle(envelope(log, 0), in: store, now: log.now)
        await #expect(throws: HandlerRejection.self) { try await handle(envelope(log, 2), in: store, now: log.now) }
    }

    @Test func aFactOfAnUnknownCampaignIsRejected() async throws {
        let store = try makeStore()
        let log = FactLog.built()
        await #expect(throws: HandlerRejection.self) { try await handle(envelope(log, 1), in: store, now: log.now) }
        let second = CampaignFactRecorded(event: log.events[1], version: 1, stage: .triaged)
        await #expect(throws: HandlerRejection.self) {
            try await handle(AnyEnvelope(Envelope.make(second, source: "tests")), in: store, now: log.now)
        }
    }

    @Test func aStaleEventFoldsButNotifiesNobody() async throws {
        let store = try makeStore()
        let log = FactLog.built()
        let later = log.now.addingTimeInterval(2 * 86_400)
        for index in 0...2 { try await handle(envelope(log, index), in: store, now: later) }
        #expect(try await store.deliveries("email").isEmpty)
        #expect(try await store.outboxTopics().isEmpty)
        let version = try await store.pool.read { db in try Int.fetchOne(db, sql: "SELECT version FROM ntf_campaign") }
        #expect(version == 3)
    }

    @Test func inboxNotificationsHaveIdsDerivedFromCauseRecipientAndKind() async throws {
        let store = try makeStore()
        let log = FactLog.built()
        let cause = UUID()
        for index in 0...1 { try await handle(envelope(log, index), in: store, now: log.now) }
        try await handle(envelope(log, 2, id: cause), in: store, now: log.now)
        let id = try await store.pool.read { db in try String.fetchOne(db, sql: "SELECT id FROM outbox") }
        #expect(id == NotifyStore.inboxEventID(cause: cause, recipient: "sam", kind: .assignment).uuidString.lowercased())
    }
}
