import Contracts
import Domain
import Foundation
import GRDB
import Logging
import ServiceKit
import ServiceLifecycle

/// Finds, every `interval`, the running steps of the folded campaigns whose SLA is due within `window` of
/// business time and tells whoever they wait on ("SLA due soon"), once per step run: the notices' cause is an
/// id derived from (campaign, step, approval step, start), so a later tick, a restart or a rebuild adds nothing.
///
/// It starts only once the consumer has read the journal up to the head the broker had at start, so a rebuild
/// never warns about a step that has long finished.
public struct DueSoonTicker: Service {
    let store: ServiceStore
    let planner: NoticePlanner
    let dispatch: NoticeDispatch
    let clock: SLAClock
    let window: TimeInterval
    let now: WallClock
    let interval: Duration
    let catchUp: JournalCatchUp?
    let logger: Logger

    /// A ticker over `store` under `rules` and `config` (its `due_soon_hours`); `catchUp` nil starts at once (tests).
    public init(
        store: ServiceStore, rules: Rules, config: NotifyConfig, wakeups: DeliveryWakeups, now: WallClock, interval: Duration,
        catchUp: JournalCatchUp?, logger: Logger
    ) {
        self.store = store
        planner = NoticePlanner(rules: rules, dashboardURL: config.dashboardURL)
        dispatch = NoticeDispatch(routing: NoticeRouting(config: config, zone: rules.calendar.zone), wakeups: wakeups)
        clock = SLAClock(rules: rules)
        window = config.dueSoonHours * 3600
        self.now = now
        self.interval = interval
        self.catchUp = catchUp
        self.logger = logger
    }

    public func run() async throws {
        guard window > 0 else { return }
        await CaughtUpTicks.run(name: "due-soon", every: interval, catchUp: catchUp, store: store, logger: logger) {
            try await tick()
        }
    }

    /// Looks at every campaign still on the line at the clock's time; returns how many steps were newly due soon.
    @discardableResult
    public func tick() async throws -> Int {
        let at = now.now()
        let (planner, dispatch, clock, window) = (planner, dispatch, clock, window)
        return try await store.write(source: NotifyService.source, now: at) { db, outbox in
            var warned = 0
            for campaign in try NotifyStore.campaignsOnTheLine(in: db) {
                for deadline in clock.deadlinesDueSoon(of: campaign, at: at, within: window) {
                    let cause = NotifyStore.dueSoonCause(campaign.id, deadline)
                    guard try NotifyStore.markDueSoon(cause, in: db) else { continue }
                    try dispatch.dispatch(
                        planner.notices(dueSoon: deadline, of: campaign), cause: cause, correlation: cause, now: at, in: db,
                        outbox: &outbox)
                    warned += 1
                }
            }
            return warned
        }
    }
}
