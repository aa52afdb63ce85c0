import Contracts
import Domain
import Foundation

/// Everything reporting keeps about one campaign: the campaign folded from its facts (its stage history and
/// counters), the last folded version, and what the campaign value itself forgets — approval waits, QA
/// verdicts and the first go-live.
///
/// Stored as JSON (snake_case keys) in the service's database, one row per campaign.
public struct CampaignTrack: Sendable, Hashable, Codable {
    /// The campaign, as every station folds it.
    public var campaign: Campaign
    /// The version of the last fact folded in (facts are folded in version order only).
    public var version: Int
    /// Every decided approval step, in decision order.
    public var approvalWaits: [ApprovalWait]
    /// Every QA verdict recorded, in order.
    public var qaVerdicts: [QAVerdictRecord]
    /// When the campaign first went live.
    public var launchedAt: Date?

    /// A track started by the campaign's first fact (`submitted`, version 1).
    public init?(first fact: CampaignFactRecorded) {
        guard fact.version == 1, let campaign = Campaign(replaying: [fact.event]) else { return nil }
        self.campaign = campaign
        self.version = 1
        self.approvalWaits = []
        self.qaVerdicts = []
    }

    /// Folds `fact` when it is the next version; earlier versions are duplicates, later ones a gap.
    public mutating func fold(_ fact: CampaignFactRecorded) -> FoldOutcome {
        guard fact.version == version + 1 else { return fact.version <= version ? .duplicate : .gap(expected: version + 1) }
        let event = fact.event
        switch event.fact {
        case .approvalRecorded(let decision), .approvalRejected(let decision):
            if let state = campaign.approvals?.steps.first(where: { $0.step.id == decision.step }),
                let opened = state.openedAt
            {
                approvalWaits.append(
                    ApprovalWait(step: state.step, openedAt: opened, decidedAt: event.occurredAt, verdict: decision.verdict))
            }
        case .qaRecorded(let verdict):
            qaVerdicts.append(
                QAVerdictRecord(at: event.occurredAt, outcome: verdict.outcome, findings: verdict.findings))
        case .wentLive:
            if launchedAt == nil { launchedAt = event.occurredAt }
        default:
            break
        }
        campaign.evolve(event)
        version = fact.version
        return .folded
    }

    /// The campaign's id.
    public var id: CampaignID { campaign.id }

    private enum CodingKeys: String, CodingKey {
        case campaign, version
        case approvalWaits = "approval_waits"
        case qaVerdicts = "qa_verdicts"
        case launchedAt = "launched_at"
    }
}
