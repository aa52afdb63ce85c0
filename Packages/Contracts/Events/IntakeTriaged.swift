import Domain

/// `campaign.intake.triaged`: the request meets its MVP; it is routed to a role for assignment.
public struct IntakeTriaged: Event {
    public static let topic: Topic = "campaign.intake.triaged"

    /// The complete campaign.
    public var campaignID: CampaignID
    /// The campaign type whose MVP rule applied.
    public var campaignType: CampaignType
    /// The role a person must hold to be assigned (from the MVP rule).
    public var assignTo: Role
    /// How many times the request was held before it passed: 0 when complete on first submission.
    public var holdCount: Int

    /// Creates the event.
    public init(campaignID: CampaignID, campaignType: CampaignType, assignTo: Role, holdCount: Int) {
        self.campaignID = campaignID
        self.campaignType = campaignType
        self.assignTo = assignTo
        self.holdCount = holdCount
    }

    public var subject: CampaignID? { campaignID }

    public static var schema: JSONSchema {
        JSONSchema.object(required: [
            "campaign_id": CampaignID.jsonSchema, "campaign_type": CampaignType.jsonSchema,
            "assign_to": Role.jsonSchema,
            "hold_count": JSONSchema.integer(minimum: 0).described("Holds before it passed"),
        ]).described("A complete request, ready to assign")
    }

    private enum CodingKeys: String, CodingKey {
        case campaignID = "campaign_id"
        case campaignType = "campaign_type"
        case assignTo = "assign_to"
        case holdCount = "hold_count"
    }
}
