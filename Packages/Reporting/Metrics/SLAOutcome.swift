import Domain
import Foundation

/// How one step of one campaign did against its SLA.
public struct SLAOutcome: Sendable, Hashable, Codable {
    /// Met, missed, or still running within its deadline.
    public enum Status: String, Sendable, Hashable, Codable {
        /// Done by the due time (done exactly at the due time counts as met).
        case met
        /// Done after the due time, or still running past it.
        case missed
        /// Still running, not yet due.
        case running
    }

    public var campaign: CampaignID
    /// The deadline (step, owner role, approval step, start, due).
    public var deadline: SLADeadline
    /// When the step ended; `nil` while it runs.
    public var endedAt: Date?
    public var status: Status
    /// Business hours the step took (until `asOf` while it runs).
    public var businessHours: Double

    /// When the outcome was settled: the end, or the due time of a step still running past it.
    public var settledAt: Date? {
        switch status {
        case .met: endedAt
        case .missed: endedAt ?? deadline.dueAt
        case .running: nil
        }
    }

    /// The name shown per step: the SLA step, or `approval:<step id>`.
    public var stepName: String { deadline.approvalStep.map { "approval:\($0)" } ?? deadline.step.rawValue }
}

extension SLAOutcome {
    /// Every SLA outcome of `track` as of `asOf`: one per stay in a stage that has an SLA, and one per approval
    /// step (decided, or open now).
    public static func outcomes(of track: CampaignTrack, clock: SLAClock, asOf: Date) -> [SLAOutcome] {
        let campaign = track.campaign
        var outcomes: [SLAOutcome] = []
        for span in campaign.spans where span.start <= asOf {
            guard let step = SLAStep(waitingIn: span.stage), step != .approval,
                let deadline = clock.deadline(for: step, startedAt: span.start)
            else { continue }
            outcomes.append(outcome(campaign.id, deadline, end: span.end.flatMap { $0 <= asOf ? $0 : nil }, asOf, clock))
        }
        for wait in track.approvalWaits where wait.decidedAt <= asOf {
            if let deadline = approvalDeadline(wait.step, openedAt: wait.openedAt, clock: clock) {
                outcomes.append(outcome(campaign.id, deadline, end: wait.decidedAt, asOf, clock))
            }
        }
        if campaign.stage == .inApproval {
            for state in campaign.approvals?.openSteps ?? [] {
                guard let opened = state.openedAt, opened <= asOf,
                    let deadline = approvalDeadline(state.step, openedAt: opened, clock: clock)
                else { continue }
                outcomes.append(outcome(campaign.id, deadline, end: nil, asOf, clock))
            }
        }
        return outcomes
    }

    static func approvalDeadline(_ step: PlannedApprovalStep, openedAt: Date, clock: SLAClock) -> SLADeadline? {
        clock.deadline(
            for: .approval, startedAt: openedAt, owner: step.role, turnaround: step.turnaround, approvalStep: step.id)
    }

    private static func outcome(_ campaign: CampaignID, _ deadline: SLADeadline, end: Date?, _ asOf: Date, _ clock: SLAClock)
        -> SLAOutcome
    {
        let status: Status
        if let end {
            status = deadline.isOverdue(at: end) ? .missed : .met
        } else {
            status = deadline.isOverdue(at: asOf) ? .missed : .running
        }
        return SLAOutcome(
            campaign: campaign, deadline: deadline, endedAt: end, status: status,
            businessHours: clock.calendar.openHours(from: deadline.startedAt, to: end ?? asOf))
    }
}
