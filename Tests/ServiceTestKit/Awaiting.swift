import GRDB
import ServiceKit
import ServiceLifecycle

/// A condition awaited in a test did not come true in time.
public struct TimedOut: Error, CustomStringConvertible {
    public var what: String
    public var description: String { "timed out waiting for \(what)" }
}

/// Runs `body`, failing with ``TimedOut`` after `timeout`.
public func withTimeout<T: Sendable>(
    _ timeout: Duration = .seconds(20), _ what: String, _ body: @escaping @Sendable () async throws -> T
) async throws -> T {
    try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: timeout)
            return nil
        }
        defer { group.cancelAll() }
        guard let first = try await group.next(), let value = first else { throw TimedOut(what: what) }
        return value
    }
}

extension ServiceStore {
    /// Waits, by observing the database (no polling), until `condition` holds (60 s by default: a full parallel
    /// test run on two cores can keep a consumer from its work for tens of seconds).
    public func waitUntil(
        _ what: String, timeout: Duration = .seconds(60), _ condition: @escaping @Sendable (Database) throws -> Bool
    ) async throws {
        let pool = pool
        try await withTimeout(timeout, what) {
            for try await holds in ValueObservation.tracking(condition).values(in: pool) where holds { return }
            throw TimedOut(what: what)
        }
    }

    /// Waits until `consumer` has processed the delivery at `seq`.
    public func waitForInbox(_ seq: UInt64, consumer: String = "test") async throws {
        try await waitUntil("inbox at \(seq)") { db in
            (try UInt64.fetchOne(db, sql: "SELECT last_seq FROM inbox WHERE consumer = ?", arguments: [consumer]) ?? 0)
                >= seq
        }
    }

    /// Waits until every outbox row is marked sent.
    public func waitForEmptyOutbox() async throws {
        try await waitUntil("outbox sent") { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox WHERE sent_seq IS NULL") == 0
        }
    }
}

/// A service running in its own task, stopped by cancelling it (as a crash, it finishes nothing more).
public struct Running: Sendable {
    public let task: Task<Void, any Error>

    public init(_ service: some Service) {
        task = Task { try await service.run() }
    }

    /// Cancels the service and waits for it to end; rethrows how it ended.
    public func stop() async throws {
        task.cancel()
        try await task.value
    }
}
