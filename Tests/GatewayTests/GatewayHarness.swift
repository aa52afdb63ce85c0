import Contracts
import Domain
import Foundation
import GRDB
import Logging
import Prometheus
import ServiceKit
import ServiceTestKit

@testable import GatewayService

/// A gateway over a fresh store, without a bus: events are folded by the read-model handler as the consumer
/// would, and ``answer(_:)`` plays the station that answers the next command the gateway publishes.
struct GatewayHarness {
    let store: ServiceStore
    let endpoint: GatewayEndpoint
    let changes: CampaignChanges
    let handler: ReadModelHandler
    /// Each user's one-time password.
    let passwords: [String: String]

    static let rules = Rules.builtIn
    /// Tuesday 2026-11-17 10:00 UTC (11:00 in Berlin, within opening hours).
    static let now = Date(timeIntervalSince1970: 1_763_373_600)

    static func make(answerTimeout: Duration = .seconds(5), assistant: AssistantClient? = nil) async throws -> GatewayHarness {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gateway-\(UUID().uuidString).sqlite").path
        let store = try ServiceStore(path: path) { GatewayStore.register(&$0) }
        let users = UserDirectory(store: store, hasher: PasswordHasher(cost: 4))
        let seeded = try await users.seedIfEmpty(people: rules.people)
        let changes = CampaignChanges()
        let endpoint = GatewayEndpoint(
            host: "127.0.0.1", port: 0, registry: PrometheusCollectorRegistry(),
            health: ServiceHealth(service: "gateway", store: store, control: nil, logger: .quiet),
            routes: GatewayRoutes(
                store: store, rules: rules, users: users, changes: changes, clock: WallClock { now }, answerTimeout: answerTimeout,
                assistant: assistant, logger: .quiet),
            onReady: { _ in }, logger: .quiet)
        return GatewayHarness(
            store: store, endpoint: endpoint, changes: changes, handler: ReadModelHandler(rules: rules, changes: changes),
            passwords: Dictionary(uniqueKeysWithValues: seeded.map { ($0.user.id.rawValue, $0.password) }))
    }

    /// Folds `envelope` as the consumer would, at the next seq; rethrows a rejection.
    func fold(_ envelope: AnyEnvelope) async throws {
        let handler = handler
        try await store.pool.write { db in
            let seq = (try UInt64.fetchOne(db, sql: "SELECT COUNT(*) FROM processed_events") ?? 0) + 1
            try db.execute(
                sql: "INSERT INTO processed_events (consumer, event_id, seq) VALUES ('test', ?, ?)",
                arguments: [UUID().uuidString, seq])
            var outbox = Outbox(source: "test", cause: envelope.header, now: envelope.header.time)
            try handler.handle(envelope, in: db, outbox: &outbox, context: EventContext(seq: seq, now: Self.now, logger: .quiet))
        }
    }

    /// Folds the facts of a campaign: `facts[i]` is version `i + 1`.
    func fold(campaign id: CampaignID, _ facts: [CampaignFact], causedBy cause: UUID? = nil) async throws {
        var campaign: Campaign?
        for (index, fact) in facts.enumerated() {
            try await fold(Self.factEnvelope(id, fact, version: index + 1, after: &campaign, causedBy: cause))
        }
    }

    /// The envelope of fact `version` of `id`, folding it into `campaign` to know the stage after it.
    static func factEnvelope(
        _ id: CampaignID, _ fact: CampaignFact, version: Int, after campaign: inout Campaign?, causedBy cause: UUID?
    ) -> AnyEnvelope {
        let event = DomainEvent(campaignID: id, occurredAt: now, fact: fact)
        if var current = campaign {
            current.evolve(event)
            campaign = current
        } else {
            campaign = Campaign(replaying: [event])
        }
        let recorded = CampaignFactRecorded(event: event, version: version, stage: campaign?.stage ?? .submitted)
        return AnyEnvelope(Envelope(id: UUID(), source: "marquee/test", time: now, causationID: cause, data: recorded))
    }

    /// Waits for the next command the gateway puts in its outbox, marks it sent, and folds what `respond` answers.
    func answer(_ respond: @escaping @Sendable (AnyEnvelope) async throws -> [AnyEnvelope]) async throws {
        try await store.waitUntil("a command in the outbox") { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox WHERE sent_seq IS NULL") ?? 0 > 0
        }
        let payload = try await store.pool.write { db in
            let row = try Row.fetchOne(db, sql: "SELECT id, payload FROM outbox WHERE sent_seq IS NULL ORDER BY position LIMIT 1")!
            try db.execute(sql: "UPDATE outbox SET sent_seq = 1 WHERE id = ?", arguments: [row["id"] as String])
            return row["payload"] as Data
        }
        let command = try EventCatalog.marquee.decode(payload, topic: nil)
        for envelope in try await respond(command) { try await fold(envelope) }
    }

    /// A rejection of `command` as a station would publish it.
    static func rejection(of command: AnyEnvelope, code: String, stage: CampaignStage) -> AnyEnvelope {
        AnyEnvelope(
            Envelope(
                id: UUID(), source: "marquee/build", time: now, causationID: command.header.id,
                data: CommandRejected(
                    campaignID: command.header.subject ?? "", commandID: command.header.id, commandType: command.header.type,
                    stage: stage, code: code, message: "refused: \(code)")))
    }

    /// A complete request of type `other` by `requester`.
    static func request(by requester: UserID = "ana", title: String = "Winter webinar") -> CampaignRequest {
        CampaignRequest(
            title: title, requester: requester, objective: .conversion, type: .other,
            brief: Brief(
                goal: "200 sign-ups", audience: "EU admins", keyMessage: "Save an hour a day", channels: [.email],
                launchDate: Day(year: 2026, month: 12, day: 8)))
    }

    /// A bearer token for `user`.
    func token(for user: UserID) async throws -> String {
        try await store.pool.write { db in try SessionStore.issueToken(for: user, name: "test", now: Self.now, in: db) }
    }
}
