import Foundation

/// A due time of one running step. Wire keys: `step`, `owner`, `approval_step`, `started_at`, `due_at`.
public struct SLADeadline: Sendable, Hashable, Codable {
    /// The step the clock runs for.
    public var step: SLAStep
    /// The role that owns it.
    public var owner: Role
    /// The approval step's id when `step` is `.approval`.
    public var approvalStep: String?
    /// When the step started.
    public var startedAt: Date
    /// When it is due.
    public var dueAt: Date

    /// Creates a deadline.
    public init(step: SLAStep, owner: Role, approvalStep: String? = nil, startedAt: Date, dueAt: Date) {
        self.step = step
        self.owner = owner
        self.approvalStep = approvalStep
        self.startedAt = startedAt
        self.dueAt = dueAt
    }

    /// Whether the deadline has passed at `now` (due at exactly `dueAt` is not yet overdue).
    public func isOverdue(at now: Date) -> Bool { now > dueAt }

    private enum CodingKeys: String, CodingKey {
        case step
        case owner
        case approvalStep = "approval_step"
        case startedAt = "started_at"
        case dueAt = "due_at"
    }
}

/// Computes due times per step in business time from the SLA policies and the business calendar.
public struct SLAClock: Sendable, Hashable {
    /// The business calendar.
    public var calendar: BusinessCalendar
    /// The policy per step.
    public var policies: [SLAStep: SLAPolicy]

    /// Creates a clock over a calendar and policies.
    public init(calendar: BusinessCalendar, policies: [SLAStep: SLAPolicy]) {
        self.calendar = calendar
        self.policies = policies
    }

    /// Creates the clock configured in `rules`.
    public init(rules: Rules) {
        self.init(calendar: rules.calendar, policies: rules.slas)
    }

    /// The deadline of `step` started at `start`; `nil` when the step has no SLA.
    /// `turnaround` and `owner` override the step's policy (approval steps carry their own).
    public func deadline(for step: SLAStep, startedAt start: Date, owner: Role? = nil,
                         turnaround: BusinessDuration? = nil, approvalStep: String? = nil) -> SLADeadline? {
        guard let limit = turnaround ?? policies[step]?.turnaround,
            let role = owner ?? policies[step]?.owner
        else { return nil }
        return SLADeadline(
            step: step, owner: role, approvalStep: approvalStep, startedAt: start,
            dueAt: calendar.adding(limit, to: start))
    }

    /// The running deadlines of `campaign` not yet missed at `now` with at most `window` seconds of business
    /// time left: what "SLA due soon" warns about.
    public func deadlinesDueSoon(of campaign: Campaign, at now: Date, within window: TimeInterval) -> [SLADeadline] {
        openDeadlines(of: campaign).filter { !$0.isOverdue(at: now) && calendar.openTime(from: now, to: $0.dueAt) <= window }
    }

    /// The running deadlines of `campaign`: one for the stage it waits in, or one per open approval step.
    public func openDeadlines(of campaign: Campaign) -> [SLADeadline] {
        guard let step = SLAStep(waitingIn: campaign.stage) else { return [] }
        guard step == .approval else {
            return deadline(for: step, startedAt: campaign.stageEnteredAt).map { [$0] } ?? []
        }
        return (campaign.approvals?.openSteps ?? []).compactMap { state in
            deadline(for: .approval, startedAt: state.openedAt ?? campaign.stageEnteredAt,
                     owner: state.step.role, turnaround: state.step.turnaround, approvalStep: state.step.id)
        }
    }
}
