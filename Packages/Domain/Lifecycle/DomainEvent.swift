import Foundation

/// A fact the state machine decided: it happened to `campaignID` at `occurredAt`.
///
/// Wire: `{"campaign_id": "cmp-1", "occurred_at": <Date>, "fact": {"type": "edits_requested", …}}`.
public struct DomainEvent: Sendable, Hashable, Codable {
    /// The campaign the fact is about.
    public var campaignID: CampaignID
    /// When it happened (the `now` of the command).
    public var occurredAt: Date
    /// What happened.
    public var fact: CampaignFact

    /// Creates an event.
    public init(campaignID: CampaignID, occurredAt: Date, fact: CampaignFact) {
        self.campaignID = campaignID
        self.occurredAt = occurredAt
        self.fact = fact
    }

    private enum CodingKeys: String, CodingKey {
        case campaignID = "campaign_id"
        case occurredAt = "occurred_at"
        case fact
    }
}

/// A requester's round of edits. Wire keys: `by`, `comments`, `round`, `after_requester_approval`,
/// `after_qa_passed`.
public struct EditRequest: Sendable, Hashable, Codable {
    /// The requester.
    public var by: UserID
    /// What to change.
    public var comments: String
    /// 1-based number of this round over the campaign's life.
    public var round: Int
    /// Whether the requester had approved the build before asking (a warning-sign pattern).
    public var afterRequesterApproval: Bool
    /// Whether QA had passed before the request (a warning-sign pattern).
    public var afterQAPassed: Bool

    /// Creates an edit request.
    public init(by: UserID, comments: String, round: Int, afterRequesterApproval: Bool, afterQAPassed: Bool) {
        self.by = by
        self.comments = comments
        self.round = round
        self.afterRequesterApproval = afterRequesterApproval
        self.afterQAPassed = afterQAPassed
    }

    private enum CodingKeys: String, CodingKey {
        case by
        case comments
        case round
        case afterRequesterApproval = "after_requester_approval"
        case afterQAPassed = "after_qa_passed"
    }
}

/// Everything that can happen to a campaign. The `type` on the wire is the snake_case case name.
public enum CampaignFact: Sendable, Hashable {
    /// A request arrived (stage `submitted`).
    case submitted(CampaignRequest)
    /// A held request was completed and sent again.
    case resubmitted(CampaignRequest)
    /// MVP triage ran: `triaged` or `held_in_intake`.
    case triaged(TriageDecision)
    /// A specialist was assigned.
    case specialistAssigned(UserID)
    /// The build started.
    case buildStarted
    /// Self-review started.
    case selfReviewStarted
    /// The build went to the requester for review round `round`.
    case sentToRequester(round: Int)
    /// The requester asked for edits.
    case editsRequested(EditRequest)
    /// The requester approved the build.
    case requesterApproved(by: UserID)
    /// QA was requested.
    case qaRequested
    /// A QA verdict was recorded (passed or failed).
    case qaRecorded(QAVerdict)
    /// A new document version was stored.
    case documentRevised(DocumentVersion)
    /// Sign-offs of these steps saw an older version of `document` and no longer count.
    case signOffsInvalidated(steps: [String], document: DocumentID)
    /// The QA pass saw an older version of `document`; QA must run again.
    case qaInvalidated(document: DocumentID)
    /// Approvals started with this plan (keeps sign-offs that are still valid).
    case approvalsStarted([PlannedApprovalStep])
    /// An approval step was signed.
    case approvalRecorded(ApprovalDecision)
    /// An approval step was rejected; the campaign goes back to building with the comments.
    case approvalRejected(ApprovalDecision)
    /// Every step signed; these are the approved versions of every document.
    case campaignApproved(versions: [DocumentVersion])
    /// The go-live time was set.
    case scheduled(goLiveAt: Date)
    /// The campaign went live.
    case wentLive
    /// The monitoring window started.
    case monitoringStarted(until: Date)
    /// The campaign was closed.
    case closed
    /// The campaign was cancelled.
    case cancelled(reason: String)
}
