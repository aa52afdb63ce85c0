import Foundation

/// A step of the production line that has an owner and a turnaround. Wire values are snake_case.
public enum SLAStep: String, Sendable, Hashable, Codable, CaseIterable, CodingKeyRepresentable {
    /// The requester completes a held request (stage `held_in_intake`).
    case resubmission
    /// Marketing ops assigns a specialist (stage `triaged`).
    case assignment
    /// The specialist starts the build (stage `assigned`).
    case buildStart = "build_start"
    /// The specialist builds (stage `building`).
    case build
    /// The specialist self-reviews (stage `self_review`).
    case selfReview = "self_review"
    /// The requester reviews (stage `requester_review`).
    case requesterReview = "requester_review"
    /// The specialist works in edits (stage `edits`).
    case edits
    /// A QA reviewer runs the checklist (stage `qa_requested`).
    case qa
    /// The specialist picks up QA findings (stage `qa_failed`).
    case qaRework = "qa_rework"
    /// Approvals are started after QA passed (stage `qa_passed`).
    case approvalRouting = "approval_routing"
    /// One approval step of the matrix (stage `in_approval`; each open step has its own clock).
    case approval
    /// Marketing ops schedules the approved campaign (stage `approved`).
    case scheduling

    /// The step a campaign waits on in `stage`, if any.
    public init?(waitingIn stage: CampaignStage) {
        switch stage {
        case .heldInIntake: self = .resubmission
        case .triaged: self = .assignment
        case .assigned: self = .buildStart
        case .building: self = .build
        case .selfReview: self = .selfReview
        case .requesterReview: self = .requesterReview
        case .edits: self = .edits
        case .qaRequested: self = .qa
        case .qaFailed: self = .qaRework
        case .qaPassed: self = .approvalRouting
        case .inApproval: self = .approval
        case .approved: self = .scheduling
        case .submitted, .scheduled, .live, .monitoring, .closed, .cancelled: return nil
        }
    }
}

/// The SLA of one step: who owns it and how long it may take in business time.
///
/// YAML/wire: `{"owner": "marketing_ops", "turnaround": "4h"}`.
public struct SLAPolicy: Sendable, Hashable, Codable {
    /// The role that owns the step (for approvals, the step's own role overrides it).
    public var owner: Role
    /// How long the step may take.
    public var turnaround: BusinessDuration

    /// Creates a policy.
    public init(owner: Role, turnaround: BusinessDuration) {
        self.owner = owner
        self.turnaround = turnaround
    }

    private enum CodingKeys: String, CodingKey {
        case owner
        case turnaround
    }
}
