import Domain
import Foundation

/// One stay of a campaign in a stage: from entering it to entering the next (`end` is `nil` while it stays).
public struct StageSpan: Sendable, Hashable, Codable {
    public var stage: CampaignStage
    public var start: Date
    public var end: Date?

    /// Creates a span.
    public init(stage: CampaignStage, start: Date, end: Date?) {
        self.stage = stage
        self.start = start
        self.end = end
    }
}

extension Campaign {
    /// Every stay in a stage, in order, from the stage history.
    public var spans: [StageSpan] {
        history.indices.map { index in
            let next = history.index(after: index)
            return StageSpan(
                stage: history[index].stage, start: history[index].enteredAt,
                end: next < history.endIndex ? history[next].enteredAt : nil)
        }
    }

    /// The stage the campaign was in at `instant`; `nil` before it was submitted.
    public func stage(at instant: Date) -> CampaignStage? {
        history.last { $0.enteredAt <= instant }?.stage
    }
}

extension BusinessCalendar {
    /// Open time between two instants in hours.
    public func openHours(from start: Date, to end: Date) -> Double {
        openTime(from: start, to: end) / 3_600
    }
}
