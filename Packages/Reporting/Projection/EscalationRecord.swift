import Domain
import Foundation

/// An escalation a station raised (`campaign.escalation.raised`), as reporting counts it.
public struct EscalationRecord: Sendable, Hashable, Codable {
    /// The escalation's key (reason, campaign, subject, due time).
    public var key: String
    /// The campaign.
    public var campaign: CampaignID
    /// Why.
    public var reason: EscalationReason
    /// When it was raised (the envelope's time).
    public var raisedAt: Date

    /// Creates a record.
    public init(key: String, campaign: CampaignID, reason: EscalationReason, raisedAt: Date) {
        self.key = key
        self.campaign = campaign
        self.reason = reason
        self.raisedAt = raisedAt
    }
}
