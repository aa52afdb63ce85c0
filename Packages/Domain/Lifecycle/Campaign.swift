import Foundation

/// One stay of a campaign in a stage. Wire keys: `stage`, `entered_at`.
public struct StageVisit: Sendable, Hashable, Codable {
    /// The stage.
    public var stage: CampaignStage
    /// When the campaign entered it.
    public var enteredAt: Date

    /// Creates a visit.
    public init(stage: CampaignStage, enteredAt: Date) {
        self.stage = stage
        self.enteredAt = enteredAt
    }

    private enum CodingKeys: String, CodingKey {
        case stage
        case enteredAt = "entered_at"
    }
}

/// A campaign as a value: its request, stage, history and the counters the warning signs read.
///
/// It changes only through `apply(_:at:rules:)` (which decides events and folds them in) or by folding
/// stored events with `evolve(_:)`, so replaying a campaign's events rebuilds exactly this value.
public struct Campaign: Sendable, Hashable, Codable {
    /// The campaign's id.
    public var id: CampaignID
    /// The current request (the latest resubmission).
    public var request: CampaignRequest
    /// Where it is on the line.
    public var stage: CampaignStage
    /// When it entered `stage`.
    public var stageEnteredAt: Date
    /// When the first request arrived.
    public var submittedAt: Date
    /// Every stage visited, in order.
    public var history: [StageVisit]
    /// The latest triage outcome.
    public var triage: TriageDecision?
    /// How often triage held the request in intake.
    public var holdCount: Int
    /// The current specialist.
    public var specialist: UserID?
    /// Everyone who was ever assigned to build it (all are barred from QA).
    public var builders: [UserID]
    /// Review rounds sent to the requester.
    public var reviewRounds: Int
    /// Edit rounds requested by the requester.
    public var editRounds: Int
    /// Edit rounds requested after the requester had approved.
    public var editRoundsAfterRequesterApproval: Int
    /// Edits (requests or document revisions) after QA had passed.
    public var editsAfterQAPassed: Int
    /// Whether the requester approved the current build.
    public var requesterApproved: Bool
    /// Whether a QA pass on the current document versions stands.
    public var qaPassed: Bool
    /// How often QA failed.
    public var qaFailures: Int
    /// The latest QA verdict.
    public var lastQA: QAVerdict?
    /// The current version of every document.
    public var documents: [DocumentVersion]
    /// The approval plan and its sign-offs, once approvals started.
    public var approvals: ApprovalProgress?
    /// The approved version of every document, once approved.
    public var approvedVersions: [DocumentVersion]
    /// The latest rejection, with its comments.
    public var lastRejection: ApprovalDecision?
    /// The scheduled go-live time.
    public var goLiveAt: Date?
    /// When the monitoring window ends.
    public var monitoringUntil: Date?
    /// Why it was cancelled.
    public var cancelReason: String?

    /// A campaign that has just been submitted (stage `submitted`, before triage).
    public init(id: CampaignID, request: CampaignRequest, submittedAt: Date) {
        self.id = id
        self.request = request
        self.stage = .submitted
        self.stageEnteredAt = submittedAt
        self.submittedAt = submittedAt
        self.history = [StageVisit(stage: .submitted, enteredAt: submittedAt)]
        self.holdCount = 0
        self.builders = []
        self.reviewRounds = 0
        self.editRounds = 0
        self.editRoundsAfterRequesterApproval = 0
        self.editsAfterQAPassed = 0
        self.requesterApproved = false
        self.qaPassed = false
        self.qaFailures = 0
        self.documents = []
        self.approvedVersions = []
    }

    /// Rebuilds a campaign from its stored events; `nil` unless the first event is `submitted`.
    public init?(replaying events: [DomainEvent]) {
        guard let first = events.first, case .submitted(let request) = first.fact else { return nil }
        self.init(id: first.campaignID, request: request, submittedAt: first.occurredAt)
        for event in events.dropFirst() { evolve(event) }
    }

    private enum CodingKeys: String, CodingKey {
        case id, request, stage, history, triage, specialist, builders, documents, approvals
        case stageEnteredAt = "stage_entered_at"
        case submittedAt = "submitted_at"
        case holdCount = "hold_count"
        case reviewRounds = "review_rounds"
        case editRounds = "edit_rounds"
        case editRoundsAfterRequesterApproval = "edit_rounds_after_requester_approval"
        case editsAfterQAPassed = "edits_after_qa_passed"
        case requesterApproved = "requester_approved"
        case qaPassed = "qa_passed"
        case qaFailures = "qa_failures"
        case lastQA = "last_qa"
        case approvedVersions = "approved_versions"
        case lastRejection = "last_rejection"
        case goLiveAt = "go_live_at"
        case monitoringUntil = "monitoring_until"
        case cancelReason = "cancel_reason"
    }
}
