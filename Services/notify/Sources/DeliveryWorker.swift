import Contracts
import CoreMetrics
import Foundation
import GRDB
import Logging
import ServiceKit
import ServiceLifecycle

/// Sends one channel's queued messages: every due row in order, each attempt recorded; a failure is retried
/// after the ``RetryPolicy``'s backoff with jitter, and after the last attempt (or a permanent refusal) the row
/// is `failed` and a `notification.failed` event goes out through the outbox.
///
/// One worker per channel, so a dead SMTP server never holds back the webhooks. It wakes when the handler
/// queues rows for its channel, when the next row falls due, and every `pollInterval`.
public struct DeliveryWorker: Service {
    let channel: any NotificationChannel
    let store: ServiceStore
    let policy: RetryPolicy
    let clock: WallClock
    let wake: OutboxSignal
    let pollInterval: Duration
    let jitter: @Sendable () -> Double
    let metrics: DeliveryMetrics
    let logger: Logger

    /// A worker for `channel` over `store`; `jitter` returns 0…1 (random in production, fixed in tests).
    public init(
        channel: any NotificationChannel, store: ServiceStore, policy: RetryPolicy, clock: WallClock = .system,
        wake: OutboxSignal, pollInterval: Duration = .seconds(1), jitter: @escaping @Sendable () -> Double = { Double.random(in: 0...1) },
        metricsFactory: any MetricsFactory = MetricsSystem.factory, logger: Logger
    ) {
        self.channel = channel
        self.store = store
        self.policy = policy
        self.clock = clock
        self.wake = wake
        self.pollInterval = pollInterval
        self.jitter = jitter
        self.metrics = DeliveryMetrics(channel: channel.name, factory: metricsFactory)
        var logger = logger
        logger[metadataKey: "channel"] = "\(channel.name)"
        self.logger = logger
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                var wait = pollInterval
                do {
                    try await deliverDue()
                    if let next = try await store.pool.read({ [name = channel.name] db in try DeliveryQueue.nextDue(channel: name, in: db) }) {
                        let seconds = max(0, next.timeIntervalSince(clock.now()))
                        wait = min(wait, .milliseconds(Int64(seconds * 1000) + 1))
                    }
                } catch where Task.isCancelled {
                    return
                } catch {
                    logger.warning("delivery round failed; retrying", metadata: [LogKey.error: "\(error)"])
                }
                await wake.wait(upTo: wait)
            }
        }
    }

    /// Attempts every row due now, once each; returns how many were attempted.
    @discardableResult
    public func deliverDue(limit: Int = 50) async throws -> Int {
        let name = channel.name
        var attempted = 0
        while !Task.isCancelled {
            let now = clock.now()
            let batch = try await store.pool.read { db in try DeliveryQueue.due(channel: name, at: now, limit: limit, in: db) }
            guard !batch.isEmpty else { break }
            let failures = await channel.send(batch: batch)
            for (delivery, failure) in zip(batch, failures) {
                try await record(delivery, failure: failure)
                attempted += 1
            }
            if batch.count < limit { break }
        }
        let (depth, oldest) = try await store.pool.read { db in try DeliveryQueue.backlog(channel: name, in: db) }
        metrics.depth.record(depth)
        metrics.oldest.record(oldest.map { max(0, clock.now().timeIntervalSince($0)) } ?? 0)
        return attempted
    }

    /// Stores the outcome of one attempt at `delivery`: sent, retried later, or given up.
    private func record(_ delivery: Delivery, failure: DeliveryFailure?) async throws {
        var logger = logger
        logger[metadataKey: LogKey.eventID] = "\(delivery.causeID)"
        logger[metadataKey: LogKey.correlationID] = "\(delivery.correlationID)"
        logger[metadataKey: LogKey.campaignID] = "\(delivery.campaignID)"
        logger[metadataKey: "notification.kind"] = "\(delivery.kind.rawValue)"
        let attempts = delivery.attempts + 1
        guard let failure else {
            let now = clock.now()
            try await store.pool.write { db in try DeliveryQueue.markSent(delivery.id, attempts: attempts, at: now, in: db) }
            metrics.sent.increment()
            logger.debug("notification sent", metadata: ["attempts": "\(attempts)"])
            return
        }
        let now = clock.now()
        let decision: RetryDecision = failure.permanent ? .giveUp : policy.afterFailure(attempts: attempts, jitter: jitter())
        switch decision {
        case .retry(let milliseconds):
            let due = now.addingTimeInterval(Double(milliseconds) / 1000)
            try await store.pool.write { db in
                try DeliveryQueue.markRetry(delivery.id, attempts: attempts, dueAt: due, error: failure.message, in: db)
            }
            metrics.retried.increment()
            logger.info(
                "notification not delivered; will retry",
                metadata: ["attempts": "\(attempts)", "retry.in_ms": "\(milliseconds)", LogKey.error: "\(failure.message)"])
        case .giveUp:
            let failed = NotificationFailed(
                recipient: delivery.recipient == "*" ? delivery.address : delivery.recipient, channel: delivery.channel,
                kind: delivery.kind, campaignID: delivery.campaignID, attempts: attempts, error: failure.message,
                causeID: UUID(uuidString: delivery.causeID) ?? UUID())
            try await store.write(source: NotifyService.source, now: now) { db, outbox in
                try DeliveryQueue.markFailed(delivery.id, attempts: attempts, error: failure.message, in: db)
                outbox.emit(failed, id: NotifyStore.failedEventID(delivery))
            }
            metrics.failed.increment()
            logger.error(
                "notification given up", metadata: ["attempts": "\(attempts)", LogKey.error: "\(failure.message)"])
        }
    }
}
