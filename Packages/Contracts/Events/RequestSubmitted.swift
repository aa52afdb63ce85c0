import Domain

/// `campaign.request.submitted`: a requester submitted a campaign request; intake triages it next.
public struct RequestSubmitted: Event {
    public static let topic: Topic = "campaign.request.submitted"

    /// The id the gateway gave the new campaign.
    public var campaignID: CampaignID
    /// The request as submitted, possibly incomplete.
    public var request: CampaignRequest

    /// Creates the event.
    public init(campaignID: CampaignID, request: CampaignRequest) {
        self.campaignID = campaignID
        self.request = request
    }

    public var subject: CampaignID? { campaignID }

    public static var schema: JSONSchema {
        JSONSchema.object(required: ["campaign_id": CampaignID.jsonSchema, "request": CampaignRequest.jsonSchema])
            .described("A campaign request as submitted by its requester")
    }

    private enum CodingKeys: String, CodingKey {
        case campaignID = "campaign_id"
        case request
    }
}
