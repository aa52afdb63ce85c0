import Domain
import Foundation

/// `report.warning.raised`: `marquee-reporting` saw a warning sign in a campaign's history — a request held
/// for missing MVP items, several edit rounds after the requester approved, edits after QA passed, a long
/// hold in one stage, a missed SLA deadline or a missed launch date — with the evidence and the escalation
/// route the configuration names for it.
///
/// The id is derived from ``key`` (campaign, sign and the instance it is about), so a rebuild from seq 0
/// republishes ids every inbox already knows.
public struct ReportWarningRaised: Event {
    public static let topic: Topic = "report.warning.raised"

    /// The campaign.
    public var campaignID: CampaignID
    /// The sign and its data (`{"sign": "long_hold", "stage": …, "since": …}`).
    public var sign: WarningSign
    /// The campaign's stage when the sign was seen.
    public var stage: CampaignStage
    /// The instant the sign was seen at (an event's time, or the ticker's).
    public var detectedAt: Date
    /// What shows it, for people (e.g. "3 edit rounds after the requester approved").
    public var evidence: String
    /// Who is told, from the configured escalation routes.
    public var route: Escalation
    /// What makes this warning one instance: `campaign/sign/instance`.
    public var key: String

    /// Creates the event.
    public init(
        campaignID: CampaignID, sign: WarningSign, stage: CampaignStage, detectedAt: Date, evidence: String,
        route: Escalation, key: String
    ) {
        self.campaignID = campaignID
        self.sign = sign
        self.stage = stage
        self.detectedAt = detectedAt
        self.evidence = evidence
        self.route = route
        self.key = key
    }

    public var subject: CampaignID? { campaignID }

    public static var schema: JSONSchema {
        JSONSchema.object(required: [
            "campaign_id": CampaignID.jsonSchema,
            "sign": JSONSchema.object(required: [
                "sign": JSONSchema.oneOf([
                    "missing_mvp", "edit_rounds_after_requester_approval", "edits_after_qa_passed", "long_hold",
                    "missed_deadline", "missed_launch_date",
                ])
            ]).described("The warning sign and its data (see docs/reporting.md)"),
            "stage": CampaignStage.jsonSchema.described("Stage when the sign was seen"),
            "detected_at": JSONSchema.string(format: .dateTime),
            "evidence": JSONSchema.string(minLength: 1).described("What shows the sign, for people"),
            "route": JSONSchema.object(required: [
                "reason": JSONSchema.string(minLength: 1), "campaign_id": CampaignID.jsonSchema,
                "subject": JSONSchema.string(), "raise_flag": .boolean, "log_request": .boolean,
            ]).described("The escalation route the configuration names"),
            "key": JSONSchema.string(minLength: 1).described("The warning's identity: campaign/sign/instance"),
        ]).described("A warning sign in a campaign's history")
    }

    private enum CodingKeys: String, CodingKey {
        case campaignID = "campaign_id"
        case detectedAt = "detected_at"
        case sign, stage, evidence, route, key
    }
}
