import Domain
import Foundation

/// One approval step from the moment its phase opened to the approver's decision.
/// Wire keys: `step`, `opened_at`, `decided_at`, `verdict`.
public struct ApprovalWait: Sendable, Hashable, Codable {
    /// The planned step (id, approver role, own turnaround).
    public var step: PlannedApprovalStep
    /// When the step's phase opened: its SLA clock start.
    public var openedAt: Date
    /// When the approver decided.
    public var decidedAt: Date
    /// Approved or rejected.
    public var verdict: ApprovalVerdict

    /// Creates a wait.
    public init(step: PlannedApprovalStep, openedAt: Date, decidedAt: Date, verdict: ApprovalVerdict) {
        self.step = step
        self.openedAt = openedAt
        self.decidedAt = decidedAt
        self.verdict = verdict
    }

    private enum CodingKeys: String, CodingKey {
        case step, verdict
        case openedAt = "opened_at"
        case decidedAt = "decided_at"
    }
}
