import Domain
import Foundation

/// One notification of a user's dashboard inbox (`notification.inbox`, from marquee-notify): its event id (`id`),
/// what it is about, the text, where to act, when it arrived and when the user marked it read.
struct InboxItem: Codable, Sendable, Equatable {
    var id: String
    var kind: String
    var campaignID: String
    var title: String
    var body: String
    var link: String
    var causeID: String
    var at: Date
    var readAt: Date?

    private enum CodingKeys: String, CodingKey {
        case id, kind, title, body, link, at
        case campaignID = "campaign_id"
        case causeID = "cause_id"
        case readAt = "read_at"
    }
}

/// A page of a user's inbox, newest first: `next_cursor` when older ones follow, and how many are unread in all.
struct InboxPage: Codable, Sendable, Equatable {
    var items: [InboxItem]
    var nextCursor: String?
    var unread: Int

    private enum CodingKeys: String, CodingKey {
        case items, unread
        case nextCursor = "next_cursor"
    }
}
