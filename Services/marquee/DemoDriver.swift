import Contracts
import Domain
import Foundation

/// Plays the people of the line for `marquee demo`: reads each campaign's facts and answers with what the
/// requester, marketing ops, the specialist, QA and the approvers would do next, until the campaign
/// reaches the stage the demo wants it to rest in. A dozen campaigns so end up spread over every stage.
struct DemoDriver {
    let rules: Rules
    /// The campaigns as folded from their facts.
    private(set) var campaigns: [CampaignID: Campaign] = [:]
    /// Where each demo campaign stops.
    let targets: [CampaignID: CampaignStage]

    /// What a person does next.
    enum Action {
        case command(CampaignCommandIssued)
        case document(DocumentSubmitted)
    }

    init(rules: Rules, targets: [CampaignID: CampaignStage]) {
        self.rules = rules
        self.targets = targets
    }

    /// Folds `fact` and returns what a person does next for its campaign, if anything.
    mutating func next(after fact: CampaignFactRecorded, now: Date) -> Action? {
        let id = fact.event.campaignID
        guard let target = targets[id] else { return nil }
        if fact.version == 1 {
            campaigns[id] = Campaign(replaying: [fact.event])
        } else {
            campaigns[id]?.evolve(fact.event)
        }
        guard let campaign = campaigns[id], campaign.stage == fact.stage, campaign.stage != target else { return nil }
        return action(for: campaign, now: now)
    }

    private func action(for campaign: Campaign, now: Date) -> Action? {
        func command(_ command: CampaignCommand) -> Action {
            .command(CampaignCommandIssued(campaignID: campaign.id, command: command))
        }
        let requester = campaign.request.requester
        switch campaign.stage {
        case .heldInIntake:
            return command(.resubmit(DemoRequests.complete(campaign.request)))
        case .triaged:
            let role = rules.mvpRule(for: campaign.request.type).assignTo
            return rules.people(holding: role).first.map { command(.assign(specialist: $0.id)) }
        case .assigned:
            return command(.startBuild)
        case .building:
            guard campaign.documents.isEmpty else { return command(.submitForSelfReview) }
            let html = "<html lang=\"en\"><body><h1>\(campaign.request.title)</h1></body></html>"
            return .document(
                DocumentSubmitted(
                    campaignID: campaign.id, document: "email-main", template: "email/launch", mediaType: "text/html",
                    content: Data(html.utf8), submittedBy: campaign.specialist ?? requester))
        case .selfReview, .edits:
            return command(.sendToRequester)
        case .requesterReview:
            return campaign.requesterApproved ? command(.requestQA) : command(.approveAsRequester(by: requester))
        case .qaRequested:
            let reviewer = rules.people(holding: .qaReviewer).first { !campaign.builders.contains($0.id) }
            return reviewer.map {
                command(.recordQA(QAVerdict(reviewer: $0.id, outcome: .passed, documents: campaign.documents)))
            }
        case .inApproval:
            guard let step = campaign.approvals?.openSteps.first?.step,
                let approver = rules.people(holding: step.role).first(where: { $0.id != requester })
            else { return nil }
            return command(
                .decideApproval(
                    ApprovalDecision(step: step.id, approver: approver.id, verdict: .approved, documents: campaign.documents)))
        case .approved:
            return command(.schedule(goLiveAt: now.addingTimeInterval(86_400)))
        case .submitted, .qaPassed, .qaFailed, .scheduled, .live, .monitoring, .closed, .cancelled:
            return nil
        }
    }
}
