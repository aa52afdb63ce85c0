import Domain
import Foundation

/// `campaign.fact.<fact type>` (e.g. `campaign.fact.edits_requested`): one fact of a campaign's life, decided
/// by the station that owned the campaign's stage. The ordered facts of a campaign rebuild it
/// (`Campaign(replaying:)`); every station, the gateway and reporting fold them.
///
/// `version` numbers a campaign's facts 1, 2, 3…; a reader folds a fact only when it is the next version,
/// so a fact published twice (a re-decided command after a crash) changes nothing the second time.
public struct CampaignFactRecorded: Event {
    /// The family name; each fact is published at `campaign.fact.<type>`.
    public static let topic: Topic = "campaign.fact"
    /// The subscription prefix for every fact.
    public static let prefix = "campaign.fact."

    /// The fact, its campaign and its time.
    public var event: DomainEvent
    /// The fact's 1-based position in the campaign's history.
    public var version: Int
    /// The campaign's stage once this fact is folded in.
    public var stage: CampaignStage

    /// Creates the event.
    public init(event: DomainEvent, version: Int, stage: CampaignStage) {
        self.event = event
        self.version = version
        self.stage = stage
    }

    public var topic: Topic { Topic(stringLiteral: Self.prefix + event.fact.type.rawValue) }
    public var subject: CampaignID? { event.campaignID }

    public static func carries(_ type: Topic) -> Bool {
        type.rawValue.hasPrefix(prefix) && CampaignFactType(rawValue: String(type.rawValue.dropFirst(prefix.count))) != nil
    }

    public static var schema: JSONSchema {
        JSONSchema.object(required: [
            "campaign_id": CampaignID.jsonSchema,
            "occurred_at": JSONSchema.string(format: .dateTime),
            "fact": JSONSchema.object(required: ["type": CampaignFactType.jsonSchema])
                .described("The fact: `type` and its data (see docs/events.md)"),
            "version": JSONSchema.integer(minimum: 1).described("Position in the campaign's history"),
            "stage": CampaignStage.jsonSchema.described("Stage after this fact"),
        ]).described("A fact of a campaign's life")
    }

    public static var envelopeSchema: JSONSchema {
        JSONSchema.envelope(type: .string(pattern: "^campaign\\.fact\\.[a-z_]+$"), data: schema)
    }

    private enum CodingKeys: String, CodingKey {
        case campaignID = "campaign_id"
        case occurredAt = "occurred_at"
        case fact, version, stage
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        event = DomainEvent(
            campaignID: try c.decode(CampaignID.self, forKey: .campaignID),
            occurredAt: try c.decode(Date.self, forKey: .occurredAt), fact: try c.decode(CampaignFact.self, forKey: .fact))
        version = try c.decode(Int.self, forKey: .version)
        stage = try c.decode(CampaignStage.self, forKey: .stage)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(event.campaignID, forKey: .campaignID)
        try c.encode(event.occurredAt, forKey: .occurredAt)
        try c.encode(event.fact, forKey: .fact)
        try c.encode(version, forKey: .version)
        try c.encode(stage, forKey: .stage)
    }
}

extension CampaignFactType: SchemaDescribed {}
extension CommandKind: SchemaDescribed {}
