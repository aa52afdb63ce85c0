import Bus
import Domain
import Foundation
import Logging
import ServiceKit
import ServiceLifecycle

/// Wakes a station's campaigns whose time came — launch timers and SLA due times — on a fixed interval,
/// reading the time from the station's clock (the system clock, or a file tests move forward).
///
/// It starts ticking only once the station's consumer has read up to the journal head it saw at start: a
/// station catching up (after downtime, or rebuilding from seq 0) would otherwise find every stage it
/// replays overdue and raise escalations the line never deserved.
public struct StationTicker: Service {
    let handler: StationHandler
    let store: ServiceStore
    let clock: WallClock
    let interval: Duration
    let catchUp: JournalCatchUp?
    let logger: Logger

    /// A ticker for `handler`'s station; without `catchUp` it ticks from the start.
    public init(handler: StationHandler, store: ServiceStore, clock: WallClock, interval: Duration,
                catchUp: JournalCatchUp? = nil, logger: Logger) {
        self.handler = handler
        self.store = store
        self.clock = clock
        self.interval = interval
        self.catchUp = catchUp
        self.logger = logger
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            await waitUntilCaughtUp()
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

    /// Returns once the consumer has read every record it reads up to the head the broker reported when
    /// this began.
    private func waitUntilCaughtUp() async {
        guard let catchUp, await catchUp.wait(store: store, every: interval, logger: logger) else { return }
        logger.debug("ticker caught up")
    }

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
