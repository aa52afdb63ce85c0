import Contracts
import Domain
import Foundation
import GRDB
import Logging
import ServiceKit
import Synchronization

@testable import NotifyService

/// A clock tests move by hand. `Sendable`: the date is behind a `Mutex`.
final class ManualClock: Sendable {
    private let date: Mutex<Date>
    init(_ start: Date) { date = Mutex(start) }
    var wall: WallClock { WallClock { self.date.withLock { $0 } } }
    func advance(seconds: TimeInterval) { date.withLock { $0 += seconds } }
}

/// A channel that fails the first `failures` sends (permanently when `permanent`), then delivers; it records
/// every delivery it accepted. `Sendable`: state behind a `Mutex`.
final class FakeChannel: NotificationChannel {
    let name: String
    private let state: Mutex<(failuresLeft: Int, delivered: [Delivery], attempts: Int)>
    let permanent: Bool

    init(name: String, failures: Int = 0, permanent: Bool = false) {
        self.name = name
        self.permanent = permanent
        state = Mutex((failuresLeft: failures, delivered: [], attempts: 0))
    }

    var delivered: [Delivery] { state.withLock { $0.delivered } }
    var attempts: Int { state.withLock { $0.attempts } }

    func send(_ delivery: Delivery) async throws {
        let fail = state.withLock { state -> Bool in
            state.attempts += 1
            guard state.failuresLeft > 0 else {
                state.delivered.append(delivery)
                return false
            }
            state.failuresLeft -= 1
            return true
        }
        if fail { throw DeliveryFailure("\(name) is down", permanent: permanent) }
    }
}

/// A temp store with notify's tables.
func makeStore() throws -> ServiceStore {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("notify-\(UUID().uuidString).sqlite").path
    return try ServiceStore(path: path) { NotifyStore.register(&$0) }
}

let quietLogger: Logger = {
    var logger = Logger(label: "notify-tests", factory: { _ in SwiftLogNoOpLogHandler() })
    logger.logLevel = .critical
    return logger
}()

/// Queues one message on `channel` as if an event `cause` had caused it.
func enqueue(_ channel: String, recipient: String = "sam", cause: UUID = UUID(), at now: Date, in store: ServiceStore) async throws {
    let header = Envelope.make(
        CampaignAssigned(campaignID: "cmp-1", assignee: "sam", role: .specialist), source: "tests", id: cause, now: now
    ).header
    let message = QueuedMessage(
        channel: channel, recipient: recipient, address: "\(recipient)@example.com", kind: .assignment, campaignID: "cmp-1",
        title: "t", body: "b", link: "l", dueAt: now)
    _ = try await store.pool.write { db in try DeliveryQueue.enqueue(message, cause: header.id, correlation: header.correlationID, now: now, in: db) }
}

extension ServiceStore {
    /// `status attempts` of every row of `channel`, by id.
    func deliveries(_ channel: String) async throws -> [String] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT status, attempts FROM ntf_delivery WHERE channel = ? ORDER BY id", arguments: [channel])
                .map { "\($0["status"] as String) \($0["attempts"] as Int)" }
        }
    }

    /// The topics in the outbox, in order.
    func outboxTopics() async throws -> [String] {
        try await pool.read { db in try String.fetchAll(db, sql: "SELECT topic FROM outbox ORDER BY position") }
    }
}
