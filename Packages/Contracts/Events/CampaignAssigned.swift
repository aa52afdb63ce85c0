import Domain

/// `campaign.assigned`: a specialist owns the build from now on.
public struct CampaignAssigned: Event {
    public static let topic: Topic = "campaign.assigned"

    /// The campaign.
    public var campaignID: CampaignID
    /// Who builds it.
    public var assignee: UserID
    /// The role the assignee acts in.
    public var role: Role
    /// Who assigned it (marketing ops); `nil` when assigned automatically.
    public var assignedBy: UserID?

    /// Creates the event.
    public init(campaignID: CampaignID, assignee: UserID, role: Role, assignedBy: UserID? = nil) {
        self.campaignID = campaignID
        self.assignee = assignee
        self.role = role
        self.assignedBy = assignedBy
    }

    public var subject: CampaignID? { campaignID }

    public static var schema: JSONSchema {
        JSONSchema.object(
            required: ["campaign_id": CampaignID.jsonSchema, "assignee": UserID.jsonSchema, "role": Role.jsonSchema],
            optional: ["assigned_by": UserID.jsonSchema.described("Absent when assigned automatically")]
        ).described("A campaign assigned to a specialist")
    }

    private enum CodingKeys: String, CodingKey {
        case campaignID = "campaign_id"
        case assignee
        case role
        case assignedBy = "assigned_by"
    }
}
