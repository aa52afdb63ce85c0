import Contracts
import Domain
import Foundation
import GRDB
import Logging
import ServiceKit

/// Turns bus events into notifications, inside the consumer's transaction: folds campaign facts into
/// `ntf_campaign`, plans the notices (``NoticePlanner``) and dispatches them (``NoticeDispatch``). The inbox
/// records the event in the same transaction, so every notification is decided exactly once.
///
/// A fact out of version order, or of a campaign never submitted, is dead-lettered. An event older than
/// `stale_after_hours` when handled (a rebuild from seq 1, a long outage) still folds, but notifies nobody.
public struct NotifyHandler: EventHandler {
    /// The topic prefixes it reads.
    public static let prefixes = [CampaignFactRecorded.prefix, EscalationRaised.topic.rawValue, QAReportReady.topic.rawValue]

    let planner: NoticePlanner
    let dispatch: NoticeDispatch
    let staleAfter: TimeInterval

    /// A handler under `rules` and `config`; `wakeups` wakes the channel workers after commit.
    public init(rules: Rules, config: NotifyConfig, wakeups: DeliveryWakeups) {
        planner = NoticePlanner(rules: rules, dashboardURL: config.dashboardURL)
        dispatch = NoticeDispatch(routing: NoticeRouting(config: config, zone: rules.calendar.zone), wakeups: wakeups)
        staleAfter = config.staleAfterHours * 3600
    }

    public func handle(_ event: AnyEnvelope, in db: Database, outbox: inout Outbox, context: EventContext) throws {
        let notices: [Notice]
        switch event.data {
        case let recorded as CampaignFactRecorded:
            guard let folded = try fold(recorded, in: db) else {
                context.logger.debug("fact already folded")
                return
            }
            notices = planner.notices(for: recorded.event, before: folded.before, after: folded.after)
        case let raised as EscalationRaised:
            notices = planner.notices(for: raised, title: try NotifyStore.campaign(raised.escalation.campaignID, in: db)?.campaign.request.title)
        case let report as QAReportReady:
            notices = planner.notices(for: report, campaign: try NotifyStore.campaign(report.campaignID, in: db)?.campaign)
        default:
            return
        }
        guard !notices.isEmpty else { return }
        guard context.now.timeIntervalSince(event.header.time) <= staleAfter else {
            context.logger.debug("stale event notifies nobody", metadata: ["notices": "\(notices.count)"])
            return
        }
        let woken = try dispatch.dispatch(
            notices, cause: event.header.id, correlation: event.header.correlationID, now: context.now, in: db, outbox: &outbox)
        context.logger.info(
            "notifications decided", metadata: ["notices": "\(notices.count)", "queued.channels": "\(woken.sorted())"])
    }

    /// Folds `recorded` into its campaign; nil when that version was folded before.
    private func fold(_ recorded: CampaignFactRecorded, in db: Database) throws -> (before: Campaign?, after: Campaign)? {
        let id = recorded.event.campaignID
        let stored = try NotifyStore.campaign(id, in: db)
        let next = (stored?.version ?? 0) + 1
        if recorded.version < next { return nil }
        guard recorded.version == next else {
            throw HandlerRejection("fact version \(recorded.version) arrived before version \(next) of its campaign")
        }
        let after: Campaign
        if var campaign = stored?.campaign {
            campaign.evolve(recorded.event)
            after = campaign
        } else {
            guard let campaign = Campaign(replaying: [recorded.event]) else {
                throw HandlerRejection("fact of unknown campaign \(id)")
            }
            after = campaign
        }
        try NotifyStore.save(after, version: recorded.version, in: db)
        return (before: stored?.campaign, after: after)
    }
}
