import Assistant
import Contracts
import Domain
import GRDB
import ServiceKit

/// Folds what the assistant needs to answer line questions from the bus: each request (as submitted and
/// resubmitted), intake holds with their missing items, and every fact's stage and approval signatures.
public struct AssistantFold: EventHandler {
    /// The topics it subscribes to.
    public static let prefixes = ["campaign.request.", "campaign.intake.held", CampaignFactRecorded.prefix]

    /// Creates the fold.
    public init() {}

    public func handle(_ event: AnyEnvelope, in db: Database, outbox: inout Outbox, context: EventContext) throws {
        if let submitted = event.typed(as: RequestSubmitted.self) {
            let data = submitted.data
            guard try AssistantTables.campaign(data.campaignID, in: db) == nil else { return }
            try AssistantTables.save(CampaignSummary(id: data.campaignID, request: data.request, stage: .submitted), in: db)
        } else if let resubmitted = event.typed(as: RequestResubmitted.self) {
            try update(resubmitted.data.campaignID, in: db) { $0.request = resubmitted.data.request }
        } else if let held = event.typed(as: IntakeHeld.self) {
            try update(held.data.campaignID, in: db) {
                $0.stage = .heldInIntake
                $0.missing = held.data.missing
            }
        } else if let recorded = event.typed(as: CampaignFactRecorded.self) {
            try update(recorded.data.event.campaignID, in: db) { summary in
                summary.stage = recorded.data.stage
                switch recorded.data.event.fact {
                case .approvalsStarted: summary.approvedSteps = []
                case .approvalRecorded(let decision) where decision.verdict == .approved:
                    summary.approvedSteps.append(decision.step)
                default: break
                }
            }
        }
    }

    private func update(_ id: CampaignID, in db: Database, _ change: (inout CampaignSummary) -> Void) throws {
        guard var summary = try AssistantTables.campaign(id, in: db) else { return }
        change(&summary)
        try AssistantTables.save(summary, in: db)
    }
}
