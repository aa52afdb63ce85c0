import Domain

/// `campaign.command.<kind>` (e.g. `campaign.command.request_edits`): a person or a service asks something
/// of a campaign. The station owning the campaign's stage decides it: the result is
/// `campaign.fact.*` events, or a `campaign.command.rejected` with the reason.
///
/// The envelope's `time` is the command's time: stations decide at that instant, so deciding the same
/// command again (a rebuild from seq 0) gives the same facts.
public struct CampaignCommandIssued: Event {
    /// The family name; each command is published at `campaign.command.<kind>`.
    public static let topic: Topic = "campaign.command"
    /// The subscription prefix for every command (rejections share it).
    public static let prefix = "campaign.command."

    /// The campaign.
    public var campaignID: CampaignID
    /// What is asked.
    public var command: CampaignCommand

    /// Creates the event.
    public init(campaignID: CampaignID, command: CampaignCommand) {
        self.campaignID = campaignID
        self.command = command
    }

    public var topic: Topic { Topic(stringLiteral: Self.prefix + command.kind.rawValue) }
    public var subject: CampaignID? { campaignID }

    public static func carries(_ type: Topic) -> Bool {
        type.rawValue.hasPrefix(prefix) && CommandKind(rawValue: String(type.rawValue.dropFirst(prefix.count))) != nil
    }

    public static var schema: JSONSchema {
        JSONSchema.object(required: [
            "campaign_id": CampaignID.jsonSchema,
            "command": JSONSchema.object(required: ["type": CommandKind.jsonSchema])
                .described("The command: `type` and its data (see docs/events.md)"),
        ]).described("A command for a campaign")
    }

    public static var envelopeSchema: JSONSchema {
        JSONSchema.envelope(type: .string(pattern: "^campaign\\.command\\.[a-z_]+$"), data: schema)
    }

    private enum CodingKeys: String, CodingKey {
        case campaignID = "campaign_id"
        case command
    }
}
