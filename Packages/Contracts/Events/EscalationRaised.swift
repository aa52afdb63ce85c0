import Domain

/// `campaign.escalation.raised`: a missed SLA, a delayed approval, a missing template or a budget issue,
/// routed to the role or person the configuration names. Notifications deliver it; reporting counts it.
public struct EscalationRaised: Event {
    public static let topic: Topic = "campaign.escalation.raised"

    /// What to escalate, to whom.
    public var escalation: Escalation
    /// The station that raised it.
    public var station: Station

    /// Creates the event.
    public init(escalation: Escalation, station: Station) {
        self.escalation = escalation
        self.station = station
    }

    public var subject: CampaignID? { escalation.campaignID }

    public static var schema: JSONSchema {
        JSONSchema.object(required: [
            "escalation": JSONSchema.object(required: [
                "reason": JSONSchema.string(minLength: 1), "campaign_id": CampaignID.jsonSchema,
                "subject": JSONSchema.string(), "raise_flag": .boolean, "log_request": .boolean,
            ]),
            "station": Station.jsonSchema,
        ]).described("An escalation along a configured route")
    }
}

extension Station: SchemaDescribed {}
