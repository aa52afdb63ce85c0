import Domain
import Foundation

/// Edit rounds of the campaigns launched in the period: how many rounds the requester asked for, and how many
/// of those came after they had approved.
public struct EditRounds: Sendable, Hashable, Codable {
    /// Rounds per launched campaign.
    public var rounds: Distribution?
    /// Launched campaigns with at least one round after requester approval.
    public var campaignsWithRoundsAfterApproval: Int

    /// The edit rounds of `tracks` launched in `period`.
    public init(_ tracks: [CampaignTrack], in period: ReportPeriod) {
        let launched = tracks.filter { $0.launchedAt.map(period.contains) ?? false }.map(\.campaign)
        rounds = Distribution(launched.map { Double($0.editRounds) })
        campaignsWithRoundsAfterApproval = launched.count { $0.editRoundsAfterRequesterApproval > 0 }
    }
}
