import Domain
import Foundation
import Logging
import ServiceKit
import ServiceLifecycle

/// Wakes a station's campaigns whose time came — launch timers and SLA due times — on a fixed interval,
/// reading the time from the station's clock (the system clock, or a file tests move forward).
public struct StationTicker: Service {
    let handler: StationHandler
    let store: ServiceStore
    let clock: WallClock
    let interval: Duration
    let logger: Logger

    /// A ticker for `handler`'s station.
    public init(handler: StationHandler, store: ServiceStore, clock: WallClock, interval: Duration, logger: Logger) {
        self.handler = handler
        self.store = store
        self.clock = clock
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    // A full batch means more are due: go on, but yield to the interval after a while.
                    var rounds = 0
                    while rounds < 50, try await tick() == Self.batch { rounds += 1 }
                } catch {
                    logger.warning("tick failed; retrying", metadata: [LogKey.error: "\(error)"])
                }
                try? await Task.sleep(for: interval)
            }
        }
    }

    static let batch = 200

    /// Wakes up to ``batch`` due campaigns in one transaction; returns how many.
    @discardableResult
    public func tick() async throws -> Int {
        let now = clock.now()
        let handler = handler
        let logger = logger
        return try await store.write(source: handler.station.source, now: now) { db, outbox in
            let due = try StationLedger.due(at: now, limit: Self.batch, in: db)
            for id in due { try handler.wake(id, at: now, in: db, outbox: &outbox, logger: logger) }
            return due.count
        }
    }
}
