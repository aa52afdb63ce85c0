import Bus
import Contracts
import Foundation
import Logging
import Reporting
import ServiceKit
import ServiceLifecycle

/// Looks for warning signs that appear with time alone — a long hold, a missed deadline, a missed launch date
/// in a campaign nobody touches — at the current time, every `interval`, and publishes each new one once.
///
/// It starts only once the consumer has read the journal up to the head the broker had at start, so a rebuild
/// never judges a campaign by a half-replayed history.
public struct WarningTicker: Service {
    let store: ServiceStore
    let detector: WarningDetector
    let clock: WallClock
    let interval: Duration
    let catchUp: JournalCatchUp?
    let logger: Logger

    /// A ticker over `store`; `catchUp` nil starts at once (tests).
    public init(
        store: ServiceStore, detector: WarningDetector, clock: WallClock, interval: Duration, catchUp: JournalCatchUp?,
        logger: Logger
    ) {
        self.store = store
        self.detector = detector
        self.clock = clock
        self.interval = interval
        self.catchUp = catchUp
        self.logger = logger
    }

    public func run() async throws {
        await CaughtUpTicks.run(name: "warning", every: interval, catchUp: catchUp, store: store, logger: logger) {
            try await tick()
        }
    }

    /// Checks every campaign still on the line at the clock's time; returns how many warnings were new.
    @discardableResult
    public func tick() async throws -> Int {
        let now = clock.now()
        let (detector, logger) = (detector, logger)
        return try await store.write(source: ReportingService.source, now: now) { db, outbox in
            let ledger = DatabaseLedger(db: db)
            var raised = 0
            for track in try ReportingStore.openTracks(in: db) {
                for warning in detector.signs(of: track.campaign, at: now) where try ledger.record(warning) {
                    ReportingHandler.emit(warning, into: &outbox, logger: logger)
                    raised += 1
                }
            }
            return raised
        }
    }
}
