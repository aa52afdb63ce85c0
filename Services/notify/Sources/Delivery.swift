import Contracts
import Domain
import Foundation
import StationKit

/// One queued message for one channel, as stored in `ntf_delivery`: unique per (cause event, channel,
/// recipient, kind), so a redelivered or re-published event never queues it twice.
public struct Delivery: Sendable, Hashable {
    /// The row id.
    public var id: Int64
    /// The event that caused it (lowercase UUID).
    public var causeID: String
    /// The cause's correlation id, for logs.
    public var correlationID: String
    /// `email` or `webhook:<name>`.
    public var channel: String
    /// The user id; `*` for a team feed.
    public var recipient: String
    /// The email address; for a team feed, the user ids told, comma-separated.
    public var address: String
    public var kind: NotificationKind
    public var campaignID: CampaignID
    public var title: String
    public var body: String
    public var link: String
    /// Attempts made so far.
    public var attempts: Int
    /// When it may be attempted next.
    public var dueAt: Date
    /// When it was queued.
    public var createdAt: Date

    public init(
        id: Int64, causeID: String, correlationID: String, channel: String, recipient: String, address: String,
        kind: NotificationKind, campaignID: CampaignID, title: String, body: String, link: String, attempts: Int,
        dueAt: Date, createdAt: Date
    ) {
        self.id = id
        self.causeID = causeID
        self.correlationID = correlationID
        self.channel = channel
        self.recipient = recipient
        self.address = address
        self.kind = kind
        self.campaignID = campaignID
        self.title = title
        self.body = body
        self.link = link
        self.attempts = attempts
        self.dueAt = dueAt
        self.createdAt = createdAt
    }

    /// A stable id for the receiver (`Message-ID`, `X-Marquee-Delivery`): the same on every attempt.
    public var deliveryID: String {
        DerivedEventID.named("notify/\(causeID)/\(channel)/\(recipient)/\(kind.rawValue)").uuidString.lowercased()
    }
}
