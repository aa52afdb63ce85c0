import Domain
import Foundation

/// `campaign.command.rejected`: the owning station refused a command (an illegal transition, a person
/// without the role, a decision on outdated versions…). The campaign did not change.
public struct CommandRejected: Event {
    public static let topic: Topic = "campaign.command.rejected"

    /// The campaign.
    public var campaignID: CampaignID
    /// The refused command's event id.
    public var commandID: UUID
    /// Its type (topic), e.g. `campaign.command.decide_approval` or `campaign.request.submitted`.
    public var commandType: Topic
    /// The campaign's stage when it was refused (absent for an unknown campaign).
    public var stage: CampaignStage?
    /// A stable snake_case code: a `TransitionError` code, `unknown_campaign` or `duplicate_campaign`.
    public var code: String
    /// The reason, for people.
    public var message: String

    /// Creates the event.
    public init(campaignID: CampaignID, commandID: UUID, commandType: Topic, stage: CampaignStage?, code: String,
                message: String) {
        self.campaignID = campaignID
        self.commandID = commandID
        self.commandType = commandType
        self.stage = stage
        self.code = code
        self.message = message
    }

    public var subject: CampaignID? { campaignID }

    public static var schema: JSONSchema {
        JSONSchema.object(
            required: [
                "campaign_id": CampaignID.jsonSchema, "command_id": JSONSchema.string(format: .uuid),
                "command_type": JSONSchema.topic, "code": JSONSchema.string(minLength: 1),
                "message": JSONSchema.string(minLength: 1),
            ], optional: ["stage": CampaignStage.jsonSchema]
        ).described("A refused command")
    }

    private enum CodingKeys: String, CodingKey {
        case campaignID = "campaign_id"
        case commandID = "command_id"
        case commandType = "command_type"
        case stage, code, message
    }
}
