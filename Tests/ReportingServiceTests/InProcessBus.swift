import Broker
import Bus
import Foundation
import GRDB
import Logging
import ServiceKit
import ServiceLifecycle

/// A broker in-process on loopback with free ports and a temp journal, and a few waits on it.
final class InProcessBus: Sendable {
    let directory: String
    let broker: Broker
    let endpoints: BusEndpoints

    init() async throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("marquee-reporting-bus-\(UUID().uuidString)").path
        let configuration = BrokerConfiguration(
            ingressEndpoint: "tcp://127.0.0.1:*", fanoutEndpoint: "tcp://127.0.0.1:*", controlEndpoint: "tcp://127.0.0.1:*",
            groupEndpoint: "tcp://127.0.0.1:*", journalDirectory: directory, headIntervalMilliseconds: 100)
        broker = try Broker(configuration: configuration, logger: .quiet)
        let bound = try await broker.start()
        endpoints = BusEndpoints(ingress: bound.ingress, fanout: bound.fanout, control: bound.control)
    }

    func stop() async throws {
        broker.stop()
        try await broker.waitUntilStopped()
        try FileManager.default.removeItem(atPath: directory)
    }

    /// Every stored record whose topic starts with `prefix`.
    func journal(prefix: String) async throws -> [Delivery] {
        let control = try BusControl(endpoint: endpoints.control, logger: .quiet)
        defer { control.close() }
        var records: [Delivery] = []
        var from: UInt64 = 1
        while true {
            let page = try await control.replay(from: from, prefix: prefix)
            records += page.records
            if page.through >= page.head { return records }
            from = page.through + 1
        }
    }
}

/// A service running in its own task, stopped by cancelling it (as a crash: it finishes nothing more).
struct Running: Sendable {
    let task: Task<Void, any Error>

    init(_ service: some Service) {
        task = Task { try await service.run() }
    }

    func stop() async throws {
        task.cancel()
        try await task.value
    }
}

/// Runs `body`, failing after `timeout`.
func withTimeout<T: Sendable>(_ timeout: Duration = .seconds(60), _ what: String, _ body: @escaping @Sendable () async throws -> T)
    async throws -> T
{
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

struct TimedOut: Error, CustomStringConvertible {
    var what: String
    var description: String { "timed out waiting for \(what)" }
}

extension ServiceStore {
    /// Waits, by observing the database, until `condition` holds.
    func waitUntil(_ what: String, _ condition: @escaping @Sendable (Database) throws -> Bool) async throws {
        let pool = pool
        try await withTimeout(.seconds(60), what) {
            for try await holds in ValueObservation.tracking(condition).values(in: pool) where holds { return }
            throw TimedOut(what: what)
        }
    }

    /// Waits until the `reporting` consumer processed the delivery at `seq`.
    func waitForInbox(_ seq: UInt64) async throws {
        try await waitUntil("inbox at \(seq)") { db in
            (try UInt64.fetchOne(db, sql: "SELECT last_seq FROM inbox WHERE consumer = 'reporting'") ?? 0) >= seq
        }
    }

    /// Waits until every outbox row is sent.
    func waitForEmptyOutbox() async throws {
        try await waitUntil("outbox sent") { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox WHERE sent_seq IS NULL") == 0
        }
    }
}

extension Logger {
    static var quiet: Logger {
        var logger = Logger(label: "reporting-tests")
        logger.logLevel = .critical
        return logger
    }
}
