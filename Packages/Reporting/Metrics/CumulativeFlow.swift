import Domain
import Foundation

/// The cumulative flow diagram: at the end of each day, how many campaigns are in each ``FlowBand``. Stacked,
/// the top line is every campaign requested so far (minus cancelled), the lowest band those done.
public struct CumulativeFlow: Sendable, Hashable, Codable {
    /// One day's counts.
    public struct Point: Sendable, Hashable, Codable {
        /// The end of the day (next midnight in the business time zone).
        public var at: Date
        /// Campaigns per band, in ``FlowBand`` order.
        public var counts: [Int]
    }

    public var bands: [FlowBand]
    public var points: [Point]

    /// One point per day end of the `days` days ending at `end` (a midnight).
    public init(_ tracks: [CampaignTrack], days: Int, endingAt end: Date, zone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        bands = FlowBand.allCases
        points = (0..<days).reversed().map { back in
            let at = calendar.date(byAdding: .day, value: -back, to: end) ?? end
            var counts = Array(repeating: 0, count: FlowBand.allCases.count)
            for track in tracks {
                guard let stage = track.campaign.stage(at: at), let band = FlowBand(stage),
                    let index = FlowBand.allCases.firstIndex(of: band)
                else { continue }
                counts[index] += 1
            }
            return Point(at: at, counts: counts)
        }
    }
}
