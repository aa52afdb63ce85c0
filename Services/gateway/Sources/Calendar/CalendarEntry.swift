import Domain
import Foundation

/// One date on the campaign calendar: a campaign's launch (the scheduled go-live, else the brief's launch date) or
/// the due time of its earliest open SLA step.
struct CalendarEntry: Codable, Sendable, Equatable {
    enum Kind: String, Codable, Sendable {
        case launch
        case due
    }

    var campaignID: CampaignID
    var title: String
    var stage: CampaignStage
    var kind: Kind
    /// The day it falls on (in the rules' business time zone).
    var date: Day
    /// The exact instant, when there is one (a scheduled go-live, an SLA due time).
    var at: Date?

    private enum CodingKeys: String, CodingKey {
        case title, stage, kind, date, at
        case campaignID = "campaign_id"
    }

    /// The launch and due entries of the stored campaigns; days are taken in `timeZone`.
    static func entries(of rows: [CampaignRow], timeZone: TimeZone) -> [CalendarEntry] {
        rows.flatMap { row -> [CalendarEntry] in
            let campaign = row.campaign
            var entries: [CalendarEntry] = []
            func add(_ kind: Kind, _ date: Day, _ at: Date?) {
                entries.append(
                    CalendarEntry(campaignID: campaign.id, title: campaign.request.title, stage: campaign.stage, kind: kind, date: date, at: at))
            }
            if campaign.stage != .cancelled {
                if let goLive = campaign.goLiveAt {
                    add(.launch, Day(containing: goLive, in: timeZone), goLive)
                } else if let day = campaign.request.brief.launchDate {
                    add(.launch, day, nil)
                }
            }
            if let due = row.slaDueAt { add(.due, Day(containing: due, in: timeZone), due) }
            return entries
        }.sorted { ($0.date, $0.campaignID.rawValue, $0.kind.rawValue) < ($1.date, $1.campaignID.rawValue, $1.kind.rawValue) }
    }
}
