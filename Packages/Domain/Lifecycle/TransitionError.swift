import Foundation

/// Why the state machine refused a command: the caller asked for something the rules forbid.
/// `code` is the stable snake_case string for rejection events on the wire.
public enum TransitionError: Error, Sendable, Hashable {
    /// The command is not allowed in the campaign's stage.
    case notAllowed(from: CampaignStage, command: CommandKind)
    /// Only the campaign's requester may review it.
    case notRequester(UserID)
    /// Separation of duties: the QA reviewer built the campaign.
    case reviewerIsBuilder(UserID)
    /// Separation of duties: the requester may not sign this approval step.
    case approverIsRequester(UserID)
    /// The person does not hold the role the command needs.
    case missingRole(UserID, Role)
    /// The approval step is not in the campaign's plan.
    case unknownApprovalStep(String)
    /// The approval step waits for an earlier phase, or is already signed.
    case approvalStepNotOpen(String)
    /// The verdict or decision was made on other document versions than the current ones.
    case staleDocuments
    /// QA needs the requester's approval of the current build.
    case requesterApprovalMissing
    /// Rejections, edit requests and failed QA need comments or findings.
    case commentsRequired
    /// The QA checklist is incomplete or contradicts the verdict.
    case invalidChecklist(String)
    /// The time given must be after now.
    case notInFuture(Date)
    /// The command is too early; it is allowed from the given time.
    case tooEarly(until: Date)

    /// A stable snake_case code for the wire.
    public var code: String {
        switch self {
        case .notAllowed: "not_allowed"
        case .notRequester: "not_requester"
        case .reviewerIsBuilder: "reviewer_is_builder"
        case .approverIsRequester: "approver_is_requester"
        case .missingRole: "missing_role"
        case .unknownApprovalStep: "unknown_approval_step"
        case .approvalStepNotOpen: "approval_step_not_open"
        case .staleDocuments: "stale_documents"
        case .requesterApprovalMissing: "requester_approval_missing"
        case .commentsRequired: "comments_required"
        case .invalidChecklist: "invalid_checklist"
        case .notInFuture: "not_in_future"
        case .tooEarly: "too_early"
        }
    }
}

extension TransitionError: CustomStringConvertible {
    /// One sentence for people.
    public var description: String {
        switch self {
        case .notAllowed(let stage, let command): "\(command.rawValue) is not allowed in stage \(stage.rawValue)"
        case .notRequester(let user): "\(user) is not the requester of this campaign"
        case .reviewerIsBuilder(let user): "\(user) built this campaign and cannot QA it"
        case .approverIsRequester(let user): "\(user) requested this campaign and cannot approve this step"
        case .missingRole(let user, let role): "\(user) does not hold the role \(role)"
        case .unknownApprovalStep(let step): "approval step \(step) is not in this campaign's plan"
        case .approvalStepNotOpen(let step): "approval step \(step) is not open"
        case .staleDocuments: "the decision was made on outdated document versions"
        case .requesterApprovalMissing: "the requester has not approved the current build"
        case .commentsRequired: "comments are required"
        case .invalidChecklist(let problem): problem
        case .notInFuture(let date): "\(date) is not in the future"
        case .tooEarly(let date): "not allowed before \(date)"
        }
    }
}
