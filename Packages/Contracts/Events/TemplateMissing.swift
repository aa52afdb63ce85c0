import Domain

/// `library.template.missing`: someone asked the knowledge library for a template it does not have. The
/// campaign is flagged and a request is logged to the template owner (the SOP's missing-template route);
/// notifications deliver it to `escalation.notify_user`.
public struct TemplateMissing: Event {
    public static let topic: Topic = "library.template.missing"

    /// The template as it was asked for ("webinar"), with flag and recipient.
    public var escalation: Escalation
    /// Who asked for it.
    public var requestedBy: UserID

    /// Creates the event.
    public init(escalation: Escalation, requestedBy: UserID) {
        self.escalation = escalation
        self.requestedBy = requestedBy
    }

    public var subject: CampaignID? { escalation.campaignID }

    public static var schema: JSONSchema {
        JSONSchema.object(required: [
            "escalation": JSONSchema.object(required: [
                "reason": JSONSchema.string(minLength: 1), "campaign_id": CampaignID.jsonSchema,
                "subject": JSONSchema.string().described("The template's name as asked for"),
                "raise_flag": .boolean, "log_request": .boolean,
            ]),
            "requested_by": UserID.jsonSchema,
        ]).described("A template the library lacks: flag the campaign, log a request to the owner")
    }

    private enum CodingKeys: String, CodingKey {
        case escalation
        case requestedBy = "requested_by"
    }
}
