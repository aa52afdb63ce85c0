import Domain

/// `campaign.intake.held`: triage found the request incomplete; it waits in intake for exactly `missing`.
public struct IntakeHeld: Event {
    public static let topic: Topic = "campaign.intake.held"

    /// The held campaign.
    public var campaignID: CampaignID
    /// Who is asked for the missing items.
    public var requester: UserID
    /// The campaign type whose MVP rule applied.
    public var campaignType: CampaignType
    /// Every missing MVP item, in the rule's order; never empty.
    public var missing: [MVPField]
    /// How many times this request has been held: 1 on the first triage.
    public var holdCount: Int

    /// Creates the event.
    public init(campaignID: CampaignID, requester: UserID, campaignType: CampaignType, missing: [MVPField],
                holdCount: Int) {
        self.campaignID = campaignID
        self.requester = requester
        self.campaignType = campaignType
        self.missing = missing
        self.holdCount = holdCount
    }

    public var subject: CampaignID? { campaignID }

    public static var schema: JSONSchema {
        JSONSchema.object(required: [
            "campaign_id": CampaignID.jsonSchema, "requester": UserID.jsonSchema,
            "campaign_type": CampaignType.jsonSchema,
            "missing": JSONSchema.array(of: MVPField.jsonSchema, minItems: 1, uniqueItems: true)
                .described("Every missing MVP item, in rule order"),
            "hold_count": JSONSchema.integer(minimum: 1).described("1 on the first hold"),
        ]).described("An incomplete request held in intake")
    }

    private enum CodingKeys: String, CodingKey {
        case campaignID = "campaign_id"
        case requester
        case campaignType = "campaign_type"
        case missing
        case holdCount = "hold_count"
    }
}
