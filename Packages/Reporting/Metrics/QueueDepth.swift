import Domain
import Foundation

/// How many campaigns wait in each stage at one instant, in line order: every stage up to `scheduled` (live,
/// monitoring, closed and cancelled campaigns are not queued for work).
public struct QueueDepth: Sendable, Hashable, Codable {
    public var stage: CampaignStage
    public var campaigns: Int

    /// The stages shown.
    static let queued = CampaignStage.allCases.filter { ![.live, .monitoring, .closed, .cancelled].contains($0) }

    /// The depth of every open stage at `instant`.
    public static func at(_ instant: Date, tracks: [CampaignTrack]) -> [QueueDepth] {
        var counts: [CampaignStage: Int] = [:]
        for track in tracks {
            if let stage = track.campaign.stage(at: instant), queued.contains(stage) { counts[stage, default: 0] += 1 }
        }
        return queued.map {
            QueueDepth(stage: $0, campaigns: counts[$0] ?? 0)
        }
    }
}
