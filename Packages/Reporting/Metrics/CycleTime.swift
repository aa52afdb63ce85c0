import Domain
import Foundation

/// From request to launch: for the campaigns that first went live in the period, the time from their first
/// submission to go-live, in calendar days and in business hours.
public struct CycleTime: Sendable, Hashable, Codable {
    /// Calendar days (24 h).
    public var days: Distribution?
    /// Open hours of the business calendar.
    public var businessHours: Distribution?

    /// The cycle times of `tracks` launched in `period`.
    public init(_ tracks: [CampaignTrack], in period: ReportPeriod, calendar: BusinessCalendar) {
        let launched = tracks.compactMap { track in
            track.launchedAt.flatMap { period.contains($0) ? (track.campaign.submittedAt, $0) : nil }
        }
        days = Distribution(launched.map { $0.1.timeIntervalSince($0.0) / 86_400 })
        businessHours = Distribution(launched.map { calendar.openHours(from: $0.0, to: $0.1) })
    }
}
