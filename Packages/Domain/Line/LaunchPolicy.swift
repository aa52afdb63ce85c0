import Foundation

/// How the launch station turns an approved campaign into a live one: the go-live time on the brief's
/// launch date (in the business calendar's time zone) and the length of the post-launch monitoring window.
///
/// YAML/wire: `{"go_live_at": "09:00", "monitoring_days": 7}`.
public struct LaunchPolicy: Sendable, Hashable, Codable {
    /// The time of day a campaign goes live on its launch date.
    public var goLiveAt: TimeOfDay
    /// Calendar days of monitoring after go-live, before the campaign can close.
    public var monitoringDays: Int

    /// Creates a policy.
    public init(goLiveAt: TimeOfDay = TimeOfDay(hour: 9), monitoringDays: Int = 7) {
        self.goLiveAt = goLiveAt
        self.monitoringDays = monitoringDays
    }

    /// The go-live instant for `request`: its launch date at ``goLiveAt`` in `calendar`'s zone, if dated.
    public func goLive(for request: CampaignRequest, calendar: BusinessCalendar) -> Date? {
        request.brief.launchDate.map { calendar.instant(on: $0, at: goLiveAt) }
    }

    /// When monitoring that starts at `start` ends.
    public func monitoringEnd(startingAt start: Date) -> Date {
        start.addingTimeInterval(TimeInterval(monitoringDays) * 86_400)
    }

    private enum CodingKeys: String, CodingKey {
        case goLiveAt = "go_live_at"
        case monitoringDays = "monitoring_days"
    }
}
