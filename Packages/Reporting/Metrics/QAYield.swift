import Domain
import Foundation

/// QA first-pass yield: of the campaigns whose first QA verdict was recorded in the period, the share that
/// passed the first time.
public struct QAYield: Sendable, Hashable, Codable {
    /// Campaigns with their first verdict in the period.
    public var campaigns: Int
    /// Of those, passed the first time.
    public var firstPass: Int

    /// `firstPass / campaigns`, 0…1; `nil` when no campaign had its first verdict.
    public var yield: Double? { campaigns == 0 ? nil : Double(firstPass) / Double(campaigns) }

    /// The yield of `tracks` in `period`.
    public init(_ tracks: [CampaignTrack], in period: ReportPeriod) {
        let firsts = tracks.compactMap { $0.qaVerdicts.first }.filter { period.contains($0.at) }
        campaigns = firsts.count
        firstPass = firsts.count { $0.outcome == .passed }
    }

    private enum CodingKeys: String, CodingKey {
        case campaigns
        case firstPass = "first_pass"
        case yield
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(campaigns, forKey: .campaigns)
        try c.encode(firstPass, forKey: .firstPass)
        try c.encode(yield, forKey: .yield)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        campaigns = try c.decode(Int.self, forKey: .campaigns)
        firstPass = try c.decode(Int.self, forKey: .firstPass)
    }
}
