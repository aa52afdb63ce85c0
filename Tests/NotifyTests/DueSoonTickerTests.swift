import Contracts
import Domain
import Foundation
import GRDB
import ServiceKit
import Testing

@testable import NotifyService

@Suite struct DueSoonTickerTests {
    let config = NotifyConfig(email: EmailSettings(host: "127.0.0.1", port: 2525, from: "m@example.com", security: .plain))

    /// A store holding `log`'s campaign as notify folded it, and a ticker over it whose clock reads `clock`.
    func ticker(over log: FactLog, clock: @escaping @Sendable () -> Date) async throws -> (DueSoonTicker, ServiceStore) {
        let store = try makeStore()
        let handler = NotifyHandler(rules: rules, config: config, wakeups: DeliveryWakeups(channels: ["email"]))
        for (index, event) in log.events.enumerated() {
            let fact = CampaignFactRecorded(event: event, version: index + 1, stage: .submitted)
            let envelope = AnyEnvelope(Envelope.make(fact, source: "tests", now: event.occurredAt))
            try await store.write(source: NotifyService.source, now: event.occurredAt) { db, outbox in
                try handler.handle(envelope, in: db, outbox: &outbox, context: EventContext(seq: UInt64(index + 1), now: event.occurredAt, logger: quietLogger))
            }
        }
        try await store.pool.write { db in
            try db.execute(sql: "DELETE FROM outbox")
            try db.execute(sql: "DELETE FROM ntf_delivery")
        }
        let ticker = DueSoonTicker(
            store: store, rules: rules, config: config, wakeups: DeliveryWakeups(channels: ["email"]), now: WallClock(clock),
            interval: .seconds(60), catchUp: nil, logger: quietLogger)
        return (ticker, store)
    }

    /// `kind recipient` of each queued email.
    func emails(_ store: ServiceStore) async throws -> [String] {
        try await store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT kind, recipient FROM ntf_delivery ORDER BY id").map { "\($0["kind"] as String) \($0["recipient"] as String)" }
        }
    }

    @Test func theRequesterHearsOnceThatTheirReviewIsDueSoon() async throws {
        var log = FactLog.built()
        log.events.removeLast()  // still waiting for ana's review
        let campaign = try #require(log.campaign)
        let deadline = try #require(SLAClock(rules: rules).openDeadlines(of: campaign).first)
        #expect(deadline.step == .requesterReview)
        let clock = Clock(log.now)
        let (ticker, store) = try await ticker(over: log, clock: { clock.now })

        #expect(try await ticker.tick() == 0, "hours left")
        clock.now = deadline.dueAt.addingTimeInterval(-60)
        #expect(try await ticker.tick() == 1)
        #expect(try await emails(store) == ["sla_due_soon ana"])
        #expect(try await store.outboxTopics() == ["notification.inbox"])
        let body = try await store.pool.read { db in try String.fetchOne(db, sql: "SELECT body FROM ntf_delivery") }
        #expect(body?.contains("The requester_review step is due") == true)

        #expect(try await ticker.tick() == 0, "told once")
        clock.now = deadline.dueAt.addingTimeInterval(3600)
        #expect(try await ticker.tick() == 0, "a missed deadline is the stations' escalation, not due soon")
        #expect(try await emails(store) == ["sla_due_soon ana"])
        #expect(try await store.outboxTopics().count == 1)
    }

    @Test func anApprovalStepDueSoonTellsItsRoleAndAClosedCampaignNobody() async throws {
        var log = FactLog.built()
        for fact: CampaignFact in [.qaRequested] { log.append(fact) }
        let campaign = try #require(log.campaign)
        let deadline = try #require(SLAClock(rules: rules).openDeadlines(of: campaign).first)
        #expect(deadline.owner == .qaReviewer)
        let clock = Clock(deadline.dueAt.addingTimeInterval(-60))
        let (ticker, store) = try await ticker(over: log, clock: { clock.now })
        #expect(try await ticker.tick() == 1)
        #expect(try await emails(store) == rules.people(holding: .qaReviewer).map { "sla_due_soon \($0.id)" })

        try await store.pool.write { db in
            var cancelled = campaign
            cancelled.evolve(DomainEvent(campaignID: campaign.id, occurredAt: clock.now, fact: .cancelled(reason: "x")))
            try NotifyStore.save(cancelled, version: 99, in: db)
            try db.execute(sql: "DELETE FROM ntf_due_soon")
        }
        #expect(try await ticker.tick() == 0, "a cancelled campaign is off the line")
    }
}

/// A clock a test moves by hand.
private final class Clock: @unchecked Sendable {  // set and read by one test task
    var now: Date
    init(_ now: Date) { self.now = now }
}
