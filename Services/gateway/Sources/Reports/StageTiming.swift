import Domain
import Foundation

/// One stay of a campaign in a stage, from its folded history: when it entered and left (nil while it is still
/// there), and how long it stayed by the wall clock and in business time (the rules' calendar) — up to `now` for
/// the current stage.
struct StageTiming: Codable, Sendable, Equatable {
    var campaignID: CampaignID
    var title: String
    var stage: CampaignStage
    var enteredAt: Date
    var leftAt: Date?
    var seconds: Double
    var businessSeconds: Double

    private enum CodingKeys: String, CodingKey {
        case title, stage, seconds
        case campaignID = "campaign_id"
        case enteredAt = "entered_at"
        case leftAt = "left_at"
        case businessSeconds = "business_seconds"
    }

    /// The stays of `campaign` in order; a closed or cancelled campaign's last stage has no length.
    static func timings(of campaign: Campaign, now: Date, calendar: BusinessCalendar) -> [StageTiming] {
        campaign.history.enumerated().map { index, visit in
            let next = index + 1 < campaign.history.count ? campaign.history[index + 1].enteredAt : nil
            let final = next == nil && [.closed, .cancelled].contains(visit.stage)
            let end = final ? visit.enteredAt : max(next ?? now, visit.enteredAt)
            return StageTiming(
                campaignID: campaign.id, title: campaign.request.title, stage: visit.stage, enteredAt: visit.enteredAt, leftAt: next,
                seconds: end.timeIntervalSince(visit.enteredAt), businessSeconds: calendar.openTime(from: visit.enteredAt, to: end))
        }
    }
}
