import Domain
import Foundation

/// How long one approver role took to decide: business hours from the step's phase opening to the decision,
/// for the decisions in the period, and how many were past the step's SLA.
public struct ApprovalDelay: Sendable, Hashable, Codable {
    public var role: Role
    public var hours: Distribution
    /// Decisions after the step's due time.
    public var late: Int

    /// One row per role that decided in `period`, sorted by role.
    public static func byRole(_ tracks: [CampaignTrack], in period: ReportPeriod, clock: SLAClock) -> [ApprovalDelay] {
        var hours: [Role: [Double]] = [:]
        var late: [Role: Int] = [:]
        for wait in tracks.flatMap(\.approvalWaits) where period.contains(wait.decidedAt) {
            let role = wait.step.role
            hours[role, default: []].append(clock.calendar.openHours(from: wait.openedAt, to: wait.decidedAt))
            if let deadline = SLAOutcome.approvalDeadline(wait.step, openedAt: wait.openedAt, clock: clock),
                deadline.isOverdue(at: wait.decidedAt)
            {
                late[role, default: 0] += 1
            }
        }
        return hours.keys.sorted { $0.rawValue < $1.rawValue }.compactMap { role in
            hours[role].flatMap(Distribution.init).map { ApprovalDelay(role: role, hours: $0, late: late[role] ?? 0) }
        }
    }
}
