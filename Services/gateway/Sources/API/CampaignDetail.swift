import Contracts
import Domain
import Foundation

/// A campaign as `GET /api/campaigns/{id}` shows it: the summary, the whole folded campaign (documents, approvals,
/// approved versions…), its history of facts, its refused commands and its open SLA deadlines.
struct CampaignDetail: Codable, Sendable, Equatable {
    var summary: CampaignSummary
    var campaign: Campaign
    var history: [CampaignFactRecorded]
    var rejections: [CommandRejected]
    var deadlines: [SLADeadline]

    private enum CodingKeys: String, CodingKey {
        case summary, campaign, history, rejections, deadlines
    }
}
