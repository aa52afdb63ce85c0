import Domain
import Foundation

/// A request the conversation hands to intake, as the requester who is talking.
public enum IntakeSubmission: Sendable, Hashable, Codable {
    /// The first submission (`campaign.request.submitted`); intake holds it if it is incomplete.
    case submitted(CampaignRequest)
    /// A held request, now completed (`campaign.request.resubmitted`).
    case resubmitted(CampaignRequest)
}
