import Foundation

/// Wire names of `CampaignFact` cases.
public enum CampaignFactType: String, Sendable, Hashable, Codable, CaseIterable {
    case submitted
    case resubmitted
    case triaged
    case specialistAssigned = "specialist_assigned"
    case buildStarted = "build_started"
    case selfReviewStarted = "self_review_started"
    case sentToRequester = "sent_to_requester"
    case editsRequested = "edits_requested"
    case requesterApproved = "requester_approved"
    case qaRequested = "qa_requested"
    case qaRecorded = "qa_recorded"
    case documentRevised = "document_revised"
    case signOffsInvalidated = "sign_offs_invalidated"
    case qaInvalidated = "qa_invalidated"
    case approvalsStarted = "approvals_started"
    case approvalRecorded = "approval_recorded"
    case approvalRejected = "approval_rejected"
    case campaignApproved = "campaign_approved"
    case scheduled
    case wentLive = "went_live"
    case monitoringStarted = "monitoring_started"
    case closed
    case cancelled
}

extension CampaignFact: Codable {
    /// The wire name of this fact.
    public var type: CampaignFactType {
        switch self {
        case .submitted: .submitted
        case .resubmitted: .resubmitted
        case .triaged: .triaged
        case .specialistAssigned: .specialistAssigned
        case .buildStarted: .buildStarted
        case .selfReviewStarted: .selfReviewStarted
        case .sentToRequester: .sentToRequester
        case .editsRequested: .editsRequested
        case .requesterApproved: .requesterApproved
        case .qaRequested: .qaRequested
        case .qaRecorded: .qaRecorded
        case .documentRevised: .documentRevised
        case .signOffsInvalidated: .signOffsInvalidated
        case .qaInvalidated: .qaInvalidated
        case .approvalsStarted: .approvalsStarted
        case .approvalRecorded: .approvalRecorded
        case .approvalRejected: .approvalRejected
        case .campaignApproved: .campaignApproved
        case .scheduled: .scheduled
        case .wentLive: .wentLive
        case .monitoringStarted: .monitoringStarted
        case .closed: .closed
        case .cancelled: .cancelled
        }
    }

    private enum CodingKeys: String, CodingKey {
        case type, request, triage, user, round, edit, qa, version, steps, document, plan, approval, versions
        case goLiveAt = "go_live_at"
        case until, reason
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.decode(CampaignFactType.self, forKey: .type) {
        case .submitted: self = .submitted(try c.decode(CampaignRequest.self, forKey: .request))
        case .resubmitted: self = .resubmitted(try c.decode(CampaignRequest.self, forKey: .request))
        case .triaged: self = .triaged(try c.decode(TriageDecision.self, forKey: .triage))
        case .specialistAssigned: self = .specialistAssigned(try c.decode(UserID.self, forKey: .user))
        case .buildStarted: self = .buildStarted
        case .selfReviewStarted: self = .selfReviewStarted
        case .sentToRequester: self = .sentToRequester(round: try c.decode(Int.self, forKey: .round))
        case .editsRequested: self = .editsRequested(try c.decode(EditRequest.self, forKey: .edit))
        case .requesterApproved: self = .requesterApproved(by: try c.decode(UserID.self, forKey: .user))
        case .qaRequested: self = .qaRequested
        case .qaRecorded: self = .qaRecorded(try c.decode(QAVerdict.self, forKey: .qa))
        case .documentRevised: self = .documentRevised(try c.decode(DocumentVersion.self, forKey: .version))
        case .signOffsInvalidated:
            self = .signOffsInvalidated(
                steps: try c.decode([String].self, forKey: .steps),
                document: try c.decode(DocumentID.self, forKey: .document))
        case .qaInvalidated: self = .qaInvalidated(document: try c.decode(DocumentID.self, forKey: .document))
        case .approvalsStarted: self = .approvalsStarted(try c.decode([PlannedApprovalStep].self, forKey: .plan))
        case .approvalRecorded: self = .approvalRecorded(try c.decode(ApprovalDecision.self, forKey: .approval))
        case .approvalRejected: self = .approvalRejected(try c.decode(ApprovalDecision.self, forKey: .approval))
        case .campaignApproved:
            self = .campaignApproved(versions: try c.decode([DocumentVersion].self, forKey: .versions))
        case .scheduled: self = .scheduled(goLiveAt: try c.decode(Date.self, forKey: .goLiveAt))
        case .wentLive: self = .wentLive
        case .monitoringStarted: self = .monitoringStarted(until: try c.decode(Date.self, forKey: .until))
        case .closed: self = .closed
        case .cancelled: self = .cancelled(reason: try c.decode(String.self, forKey: .reason))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(type, forKey: .type)
        switch self {
        case .submitted(let request), .resubmitted(let request): try c.encode(request, forKey: .request)
        case .triaged(let decision): try c.encode(decision, forKey: .triage)
        case .specialistAssigned(let user), .requesterApproved(let user): try c.encode(user, forKey: .user)
        case .sentToRequester(let round): try c.encode(round, forKey: .round)
        case .editsRequested(let edit): try c.encode(edit, forKey: .edit)
        case .qaRecorded(let verdict): try c.encode(verdict, forKey: .qa)
        case .documentRevised(let version): try c.encode(version, forKey: .version)
        case .signOffsInvalidated(let steps, let document):
            try c.encode(steps, forKey: .steps)
            try c.encode(document, forKey: .document)
        case .qaInvalidated(let document): try c.encode(document, forKey: .document)
        case .approvalsStarted(let plan): try c.encode(plan, forKey: .plan)
        case .approvalRecorded(let decision), .approvalRejected(let decision): try c.encode(decision, forKey: .approval)
        case .campaignApproved(let versions): try c.encode(versions, forKey: .versions)
        case .scheduled(let date): try c.encode(date, forKey: .goLiveAt)
        case .monitoringStarted(let until): try c.encode(until, forKey: .until)
        case .cancelled(let reason): try c.encode(reason, forKey: .reason)
        case .buildStarted, .selfReviewStarted, .qaRequested, .wentLive, .closed: break
        }
    }
}
