import Domain
import Foundation

/// One day of one channel of a campaign's performance, as imported. Money is in minor units (cents) of the
/// campaign's budget currency.
public struct KPIRecord: Sendable, Hashable, Codable {
    public var campaign: CampaignID
    public var date: Day
    public var channel: Channel
    public var impressions: Int64
    public var clicks: Int64
    public var opens: Int64
    public var conversions: Int64
    public var spendMinor: Int64
    public var revenueMinor: Int64

    /// Creates a record.
    public init(
        campaign: CampaignID, date: Day, channel: Channel, impressions: Int64, clicks: Int64, opens: Int64,
        conversions: Int64, spendMinor: Int64, revenueMinor: Int64
    ) {
        self.campaign = campaign
        self.date = date
        self.channel = channel
        self.impressions = impressions
        self.clicks = clicks
        self.opens = opens
        self.conversions = conversions
        self.spendMinor = spendMinor
        self.revenueMinor = revenueMinor
    }

    private enum CodingKeys: String, CodingKey {
        case campaign = "campaign_id"
        case date, channel, impressions, clicks, opens, conversions
        case spendMinor = "spend_minor"
        case revenueMinor = "revenue_minor"
    }
}
