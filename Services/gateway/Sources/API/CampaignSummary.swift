import Contracts
import Domain
import Foundation

/// A campaign as `GET /api/campaigns` lists it. Wire keys are snake_case.
struct CampaignSummary: Codable, Sendable, Equatable {
    var id: CampaignID
    var title: String
    var type: CampaignType
    var stage: CampaignStage
    var stageEnteredAt: Date
    var requester: UserID
    var specialist: UserID?
    var launchDate: Day?
    var version: Int
    var slaDueAt: Date?
    var slaStatus: SLAStatus

    init(_ row: CampaignRow, now: Date, calendar: BusinessCalendar) {
        let campaign = row.campaign
        id = campaign.id
        title = campaign.request.title
        type = campaign.request.type
        stage = campaign.stage
        stageEnteredAt = campaign.stageEnteredAt
        requester = campaign.request.requester
        specialist = campaign.specialist
        launchDate = campaign.request.brief.launchDate
        version = row.version
        slaDueAt = row.slaDueAt
        slaStatus = SLAStatus(due: row.slaDueAt, at: now, calendar: calendar)
    }

    private enum CodingKeys: String, CodingKey {
        case id, title, type, stage, requester, specialist, version
        case stageEnteredAt = "stage_entered_at"
        case launchDate = "launch_date"
        case slaDueAt = "sla_due_at"
        case slaStatus = "sla_status"
    }
}

/// One page of campaigns: `items` and, when more follow, `next_cursor`.
struct CampaignPage: Codable, Sendable, Equatable {
    var items: [CampaignSummary]
    var nextCursor: String?

    private enum CodingKeys: String, CodingKey {
        case items
        case nextCursor = "next_cursor"
    }
}
