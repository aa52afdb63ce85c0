import Domain
import Foundation

/// Business hours spent in each stage: per stage over every campaign, and the median per campaign type.
/// Counts the stays that ended in the period (a stay still running is not a duration yet).
public struct StageDurations: Sendable, Hashable, Codable {
    /// One stage's distribution of business hours.
    public struct ByStage: Sendable, Hashable, Codable {
        public var stage: CampaignStage
        public var hours: Distribution
    }

    /// One campaign type's distribution of business hours in one stage.
    public struct ByType: Sendable, Hashable, Codable {
        public var type: CampaignType
        public var stage: CampaignStage
        public var hours: Distribution
    }

    /// In line order of the stages.
    public var byStage: [ByStage]
    /// By type, then line order of the stages.
    public var byType: [ByType]

    /// The durations of stays of `tracks` that ended in `period`, in open hours of `calendar`.
    public init(_ tracks: [CampaignTrack], in period: ReportPeriod, calendar: BusinessCalendar) {
        var stage: [CampaignStage: [Double]] = [:]
        var typed: [CampaignType: [CampaignStage: [Double]]] = [:]
        for track in tracks {
            for span in track.campaign.spans {
                guard let end = span.end, period.contains(end) else { continue }
                let hours = calendar.openHours(from: span.start, to: end)
                stage[span.stage, default: []].append(hours)
                typed[track.campaign.request.type, default: [:]][span.stage, default: []].append(hours)
            }
        }
        byStage = CampaignStage.allCases.compactMap { key in
            stage[key].flatMap(Distribution.init).map { ByStage(stage: key, hours: $0) }
        }
        byType = CampaignType.allCases.flatMap { type in
            CampaignStage.allCases.compactMap { key in
                typed[type]?[key].flatMap(Distribution.init).map { ByType(type: type, stage: key, hours: $0) }
            }
        }
    }
}
