import Contracts
import Domain
import Foundation
import GRDB
import Logging
import ServiceKit

/// Sends what people ask of the line: the event goes into the outbox in the same transaction as its audit row
/// (the ``OutboxRelay`` publishes it), then the desk waits — up to ``answerTimeout`` — for the station's answer
/// to come back through the read model, looking each time ``CampaignChanges`` announces the campaign: the facts the
/// command caused (collected until ``settle`` passes without more) or its `campaign.command.rejected`.
struct CommandDesk: Sendable {
    let store: ServiceStore
    let changes: CampaignChanges
    let clock: WallClock
    let answerTimeout: Duration
    let settle: Duration
    let logger: Logger

    /// Publishes `event` as `user`'s `action` on `target`; returns its event id and what it led to in time.
    func send<Payload: Event>(_ event: Payload, by user: GatewayUser, action: String, target: String) async throws
        -> (id: UUID, outcome: CommandOutcome)
    {
        let now = clock.now()
        let announcements = changes.stream()  // before publishing, so no answer is missed
        let id = try await store.write(source: GatewayService.source, now: now) { db, outbox in
            let envelope = outbox.emit(event)
            try AuditLog.record(
                AuditLog.Entry(
                    at: now, user: user.id, action: action, target: target, eventID: envelope.id.uuidString.lowercased(),
                    outcome: "published"), in: db)
            return envelope.id
        }
        var logger = logger
        logger[metadataKey: LogKey.eventID] = "\(id.uuidString.lowercased())"
        logger[metadataKey: LogKey.correlationID] = "\(id.uuidString.lowercased())"
        logger[metadataKey: LogKey.eventType] = "\(event.topic)"
        logger[metadataKey: LogKey.campaignID] = "\(target)"
        logger.info("command published", metadata: ["user": "\(user.id)"])
        let outcome = try await answer(to: id, about: CampaignID(rawValue: target), announcements: announcements)
        try await store.pool.write { db in
            try db.execute(
                sql: "UPDATE gw_audit SET outcome = ? WHERE event_id = ?",
                arguments: [outcome.auditLabel, id.uuidString.lowercased()])
        }
        logger.info("command answered", metadata: ["outcome": "\(outcome.auditLabel)"])
        return (id, outcome)
    }

    /// Waits for the first answer, then for the facts that follow it within ``settle``.
    private func answer(to id: UUID, about campaign: CampaignID, announcements: AsyncStream<CampaignID>) async throws
        -> CommandOutcome
    {
        let pool = store.pool
        let first: CommandOutcome
        do {
            first = try await Self.within(answerTimeout) {
                let current = try await pool.read { db in try ReadModel.outcome(of: id, in: db) }
                if current != .pending { return current }
                for await changed in announcements where changed == campaign {
                    let outcome = try await pool.read { db in try ReadModel.outcome(of: id, in: db) }
                    if outcome != .pending { return outcome }
                }
                return .pending
            }
        } catch is AnswerTimeout {
            return .pending
        }
        guard case .facts = first else { return first }
        try await Task.sleep(for: settle)
        return try await pool.read { db in try ReadModel.outcome(of: id, in: db) }
    }

    private struct AnswerTimeout: Error {}

    private static func within<T: Sendable>(_ limit: Duration, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(for: limit)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else { throw AnswerTimeout() }
            return value
        }
    }
}

extension CommandOutcome {
    /// How the audit log records it: `accepted`, `refused:<code>` or `no_answer`.
    var auditLabel: String {
        switch self {
        case .pending: "no_answer"
        case .facts: "accepted"
        case .rejected(let rejection): "refused:\(rejection.code)"
        }
    }
}
