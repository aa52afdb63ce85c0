import Domain
import Foundation

/// Campaigns requested (first submission) and launched (first go-live) in one ISO week.
public struct WeeklyThroughput: Sendable, Hashable, Codable {
    public var week: ISOWeek
    public var requested: Int
    public var launched: Int

    /// Throughput of the `count` weeks ending with `last`, oldest first.
    public static func weeks(ending last: ISOWeek, count: Int, tracks: [CampaignTrack], zone: TimeZone)
        -> [WeeklyThroughput]
    {
        var requested: [ISOWeek: Int] = [:]
        var launched: [ISOWeek: Int] = [:]
        for track in tracks {
            requested[ISOWeek(containing: track.campaign.submittedAt, in: zone), default: 0] += 1
            if let live = track.launchedAt { launched[ISOWeek(containing: live, in: zone), default: 0] += 1 }
        }
        return (0..<count).reversed().map { back in
            let week = last.adding(-back)
            return WeeklyThroughput(week: week, requested: requested[week] ?? 0, launched: launched[week] ?? 0)
        }
    }
}
