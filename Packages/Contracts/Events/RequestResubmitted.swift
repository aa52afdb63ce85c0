import Domain

/// `campaign.request.resubmitted`: the requester completed a held request; intake triages it again.
public struct RequestResubmitted: Event {
    public static let topic: Topic = "campaign.request.resubmitted"

    /// The held campaign.
    public var campaignID: CampaignID
    /// The whole request as it is now (not a diff).
    public var request: CampaignRequest
    /// Which resubmission this is: 1 for the first.
    public var resubmission: Int

    /// Creates the event.
    public init(campaignID: CampaignID, request: CampaignRequest, resubmission: Int) {
        self.campaignID = campaignID
        self.request = request
        self.resubmission = resubmission
    }

    public var subject: CampaignID? { campaignID }

    public static var schema: JSONSchema {
        JSONSchema.object(required: [
            "campaign_id": CampaignID.jsonSchema, "request": CampaignRequest.jsonSchema,
            "resubmission": JSONSchema.integer(minimum: 1).described("1 for the first resubmission"),
        ]).described("A held request, completed and submitted again")
    }

    private enum CodingKeys: String, CodingKey {
        case campaignID = "campaign_id"
        case request
        case resubmission
    }
}
