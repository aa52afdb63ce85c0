import Domain
import Foundation

/// `notification.failed`: `marquee-notify` gave up on delivering one notification over one channel after its
/// attempts (or at once, for a permanent refusal). The other channels of the same notification are not affected.
public struct NotificationFailed: Event {
    public static let topic: Topic = "notification.failed"

    /// Who it was for (a user id, or the webhook's name for a team channel).
    public var recipient: String
    /// The channel: `email`, or `webhook:<name>`.
    public var channel: String
    /// What it was about.
    public var kind: NotificationKind
    /// The campaign.
    public var campaignID: CampaignID
    /// How many attempts were made.
    public var attempts: Int
    /// The last error, for people.
    public var error: String
    /// The event that caused the notification.
    public var causeID: UUID

    /// Creates the event.
    public init(
        recipient: String, channel: String, kind: NotificationKind, campaignID: CampaignID, attempts: Int, error: String,
        causeID: UUID
    ) {
        self.recipient = recipient
        self.channel = channel
        self.kind = kind
        self.campaignID = campaignID
        self.attempts = attempts
        self.error = error
        self.causeID = causeID
    }

    public var subject: CampaignID? { campaignID }

    public static var schema: JSONSchema {
        JSONSchema.object(required: [
            "recipient": JSONSchema.string(minLength: 1), "channel": JSONSchema.string(minLength: 1),
            "kind": NotificationKind.jsonSchema, "campaign_id": CampaignID.jsonSchema,
            "attempts": JSONSchema.integer(minimum: 1), "error": JSONSchema.string(),
            "cause_id": JSONSchema.string(format: .uuid).described("The event that caused the notification"),
        ]).described("A notification a channel could not deliver")
    }

    private enum CodingKeys: String, CodingKey {
        case recipient, channel, kind, attempts, error
        case campaignID = "campaign_id"
        case causeID = "cause_id"
    }

    /// Event ids are lowercase on the wire.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(recipient, forKey: .recipient)
        try c.encode(channel, forKey: .channel)
        try c.encode(kind, forKey: .kind)
        try c.encode(campaignID, forKey: .campaignID)
        try c.encode(attempts, forKey: .attempts)
        try c.encode(error, forKey: .error)
        try c.encode(causeID.uuidString.lowercased(), forKey: .causeID)
    }
}
