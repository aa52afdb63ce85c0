import Foundation

/// Something a person or service asks of a campaign. The state machine answers with events or a
/// `TransitionError`; it never performs the request itself.
public enum CampaignCommand: Sendable, Hashable {
    /// The requester sends a completed version of a held request; triage runs again.
    case resubmit(CampaignRequest)
    /// Marketing ops assigns (or reassigns) a specialist.
    case assign(specialist: UserID)
    /// The specialist starts (or, after failed QA, resumes) the build.
    case startBuild
    /// The specialist moves to self-review.
    case submitForSelfReview
    /// The specialist sends the build to the requester (after self-review or edits).
    case sendToRequester
    /// The requester asks for a round of edits (late requests after QA are allowed and flagged).
    case requestEdits(by: UserID, comments: String)
    /// The requester approves the build.
    case approveAsRequester(by: UserID)
    /// The specialist asks for QA (needs the requester's approval).
    case requestQA
    /// A QA reviewer records the checklist verdict.
    case recordQA(QAVerdict)
    /// Approvals start, routed through the matrix.
    case startApprovals
    /// An approver decides one approval step.
    case decideApproval(ApprovalDecision)
    /// A new version of a document is stored; invalidates sign-offs and QA verdicts on older versions.
    case reviseDocument(DocumentVersion)
    /// Marketing ops sets (or moves) the go-live time.
    case schedule(goLiveAt: Date)
    /// The launch service puts the campaign live at its scheduled time.
    case goLive
    /// The post-launch monitoring window starts.
    case startMonitoring(until: Date)
    /// The campaign is closed after its monitoring window.
    case close
    /// The campaign is stopped.
    case cancel(reason: String)

    /// The command's kind, used in errors and the transition table.
    public var kind: CommandKind {
        switch self {
        case .resubmit: .resubmit
        case .assign: .assign
        case .startBuild: .startBuild
        case .submitForSelfReview: .submitForSelfReview
        case .sendToRequester: .sendToRequester
        case .requestEdits: .requestEdits
        case .approveAsRequester: .approveAsRequester
        case .requestQA: .requestQA
        case .recordQA: .recordQA
        case .startApprovals: .startApprovals
        case .decideApproval: .decideApproval
        case .reviseDocument: .reviseDocument
        case .schedule: .schedule
        case .goLive: .goLive
        case .startMonitoring: .startMonitoring
        case .close: .close
        case .cancel: .cancel
        }
    }
}

/// The kind of a `CampaignCommand`, without its data. Wire values are snake_case.
public enum CommandKind: String, Sendable, Hashable, Codable, CaseIterable {
    case resubmit
    case assign
    case startBuild = "start_build"
    case submitForSelfReview = "submit_for_self_review"
    case sendToRequester = "send_to_requester"
    case requestEdits = "request_edits"
    case approveAsRequester = "approve_as_requester"
    case requestQA = "request_qa"
    case recordQA = "record_qa"
    case startApprovals = "start_approvals"
    case decideApproval = "decide_approval"
    case reviseDocument = "revise_document"
    case schedule
    case goLive = "go_live"
    case startMonitoring = "start_monitoring"
    case close
    case cancel
}
