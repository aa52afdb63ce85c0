import Domain
import Foundation

/// What the assistant knows about one campaign on the line; the service folds it from the bus.
public struct CampaignSummary: Sendable, Hashable, Codable {
    /// The campaign.
    public var id: CampaignID
    /// The request as last submitted.
    public var request: CampaignRequest
    /// Where it is on the line.
    public var stage: CampaignStage
    /// The MVP items intake is waiting for (only while held).
    public var missing: [MVPField]
    /// Approval steps signed off so far, by step id.
    public var approvedSteps: [String]

    /// Creates a summary.
    public init(id: CampaignID, request: CampaignRequest, stage: CampaignStage, missing: [MVPField] = [],
                approvedSteps: [String] = []) {
        self.id = id
        self.request = request
        self.stage = stage
        self.missing = missing
        self.approvedSteps = approvedSteps
    }
}
