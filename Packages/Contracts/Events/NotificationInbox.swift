import Domain
import Foundation

/// `notification.inbox`: one notification for a person's dashboard inbox, published by `marquee-notify` once
/// per (cause event, recipient) under an id derived from both. The gateway folds it into the inbox it shows.
public struct NotificationInbox: Event {
    public static let topic: Topic = "notification.inbox"

    /// Who it is for.
    public var recipient: UserID
    /// What it is about.
    public var kind: NotificationKind
    /// The campaign.
    public var campaignID: CampaignID
    /// One line for people.
    public var title: String
    /// The text.
    public var body: String
    /// Where to act, on the dashboard.
    public var link: String
    /// The event that caused it.
    public var causeID: UUID

    /// Creates the event.
    public init(
        recipient: UserID, kind: NotificationKind, campaignID: CampaignID, title: String, body: String, link: String,
        causeID: UUID
    ) {
        self.recipient = recipient
        self.kind = kind
        self.campaignID = campaignID
        self.title = title
        self.body = body
        self.link = link
        self.causeID = causeID
    }

    public var subject: CampaignID? { campaignID }

    public static var schema: JSONSchema {
        JSONSchema.object(required: [
            "recipient": UserID.jsonSchema, "kind": NotificationKind.jsonSchema, "campaign_id": CampaignID.jsonSchema,
            "title": JSONSchema.string(minLength: 1), "body": JSONSchema.string(),
            "link": JSONSchema.string(format: .uriReference).described("Where to act on the dashboard"),
            "cause_id": JSONSchema.string(format: .uuid).described("The event that caused the notification"),
        ]).described("A notification for a person's dashboard inbox")
    }

    private enum CodingKeys: String, CodingKey {
        case recipient, kind, title, body, link
        case campaignID = "campaign_id"
        case causeID = "cause_id"
    }

    /// Event ids are lowercase on the wire.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(recipient, forKey: .recipient)
        try c.encode(kind, forKey: .kind)
        try c.encode(campaignID, forKey: .campaignID)
        try c.encode(title, forKey: .title)
        try c.encode(body, forKey: .body)
        try c.encode(link, forKey: .link)
        try c.encode(causeID.uuidString.lowercased(), forKey: .causeID)
    }
}
