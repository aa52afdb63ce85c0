import Foundation

/// Where a campaign is on the production line. Wire values are snake_case (`"held_in_intake"`…).
///
/// ```
/// submitted → held_in_intake ⇄ (resubmit) │ triaged → assigned → building → self_review
///   → requester_review ⇄ edits → qa_requested → qa_passed | qa_failed (→ building)
///   → in_approval (rejected → building) → approved → scheduled → live → monitoring → closed
/// any stage before closed → cancelled
/// ```
public enum CampaignStage: String, Sendable, Hashable, Codable, CaseIterable, CodingKeyRepresentable {
    /// Received, not yet triaged (only between submission and the triage that follows it).
    case submitted
    /// Incomplete request waiting in intake for the missing MVP items.
    case heldInIntake = "held_in_intake"
    /// Complete request waiting for marketing ops to assign a specialist.
    case triaged
    /// A specialist is assigned; the build has not started.
    case assigned
    /// The specialist builds the program, emails, pages and audiences.
    case building
    /// The specialist checks their own work.
    case selfReview = "self_review"
    /// The requester reviews; approves or asks for edits.
    case requesterReview = "requester_review"
    /// The specialist works in the requester's edits.
    case edits
    /// Waiting for the QA checklist.
    case qaRequested = "qa_requested"
    /// QA passed; approvals can start.
    case qaPassed = "qa_passed"
    /// QA failed with findings; back to build.
    case qaFailed = "qa_failed"
    /// Approval steps of the matrix are running.
    case inApproval = "in_approval"
    /// Every approval step signed off.
    case approved
    /// A go-live time is set.
    case scheduled
    /// Live.
    case live
    /// Post-launch monitoring window.
    case monitoring
    /// Done.
    case closed
    /// Stopped before completion.
    case cancelled

    /// Whether no command can move the campaign any more.
    public var isTerminal: Bool { self == .closed || self == .cancelled }
}
