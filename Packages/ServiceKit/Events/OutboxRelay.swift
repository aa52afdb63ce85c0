import CoreMetrics
import Foundation
import GRDB
import Logging
import ServiceLifecycle

/// Publishes the outbox: unsent rows in insertion order, each marked sent with its bus seq once acked.
///
/// It wakes when a transaction appends rows (``OutboxSignal``) and also every `pollInterval`, so rows left
/// by a crash go out after a restart. A crash between publish and mark-sent publishes the row again under
/// the same event id, which the broker answers with the first copy's seq: stored once. Rows published more than
/// `keepSent` ago are deleted (checked hourly): the journal keeps the events.
///
/// ```swift
/// let relay = OutboxRelay(service: "intake", store: store, publisher: publisher, logger: logger)
/// ```
public struct OutboxRelay: Service {
    /// The service: the `service` metric dimension.
    public let service: String
    let store: ServiceStore
    let publisher: any EventPublishing
    let pollInterval: Duration
    let batchSize: Int
    let keepSent: Duration?
    let backlog: Gauge
    let logger: Logger

    /// Creates a relay; nothing happens until ``run()`` or ``publishPending()``.
    public init(
        service: String, store: ServiceStore, publisher: any EventPublishing, pollInterval: Duration = .seconds(1),
        batchSize: Int = 100, keepSent: Duration? = nil, metricsFactory: any MetricsFactory = MetricsSystem.factory,
        logger: Logger
    ) {
        self.service = service
        self.store = store
        self.publisher = publisher
        self.pollInterval = pollInterval
        self.batchSize = max(1, batchSize)
        self.keepSent = keepSent
        self.backlog = Gauge(
            label: MetricName.outboxBacklog, dimensions: [("service", service)], factory: metricsFactory)
        var logger = logger
        logger[metadataKey: LogKey.service] = "\(service)"
        self.logger = logger
    }

    /// Relays until cancelled or gracefully shut down. A failed round is logged and retried on the next wake.
    public func run() async throws {
        await cancelWhenGracefulShutdown {
            var nextPrune = ContinuousClock.now
            while !Task.isCancelled {
                do {
                    try await publishPending()
                    if let keepSent, ContinuousClock.now >= nextPrune {
                        nextPrune = .now + .seconds(3600)
                        try await prune(olderThan: keepSent)
                    }
                } catch where Task.isCancelled {
                    return
                } catch {
                    logger.warning("outbox not relayed; retrying", metadata: [LogKey.error: "\(error)"])
                }
                await store.outboxSignal.wait(upTo: pollInterval)
            }
        }
    }

    /// Deletes the rows published more than `age` ago.
    private func prune(olderThan age: Duration) async throws {
        let cutoff = Date().addingTimeInterval(-Double(age.components.seconds))
        let deleted = try await store.pruneSentOutbox(publishedBefore: cutoff)
        if deleted > 0 { logger.info("published outbox rows deleted", metadata: ["rows": "\(deleted)"]) }
    }

    /// Publishes every unsent row, oldest first, stopping at the first failure (order is kept).
    /// Returns how many rows it published.
    @discardableResult
    public func publishPending() async throws -> Int {
        var published = 0
        backlog.record(try await store.outboxBacklog())
        while true {
            let rows = try await store.pool.read { [batchSize] db in try OutboxRow.unsent(limit: batchSize, in: db) }
            guard !rows.isEmpty else { break }
            for row in rows {
                let seq = try await publisher.publish(topic: row.topic, payload: row.payload, id: row.id)
                let remaining = try await store.pool.write { db in
                    try OutboxRow.markSent(id: row.id, seq: seq, in: db)
                    return try OutboxRow.backlog(in: db)
                }
                backlog.record(remaining)
                published += 1
            }
        }
        logger.trace("outbox relayed", metadata: ["published": "\(published)"])
        return published
    }
}
