import Contracts
import Domain
import Foundation

/// One notification decided for one person: what it is about and its rendered text. Pure data; delivery
/// picks the channels from the person's preferences.
public struct Notice: Sendable, Hashable {
    /// What it is about.
    public var kind: NotificationKind
    /// The campaign.
    public var campaignID: CampaignID
    /// Who is told.
    public var recipient: Person
    /// The email subject and chat headline.
    public var title: String
    /// The text without a greeting (for team feeds), the link on its last line.
    public var summary: String
    /// The text for the recipient: a greeting, then the summary.
    public var body: String
    /// Where to act on the dashboard.
    public var link: String

    /// Creates a notice.
    public init(kind: NotificationKind, campaignID: CampaignID, recipient: Person, title: String, summary: String, body: String,
                link: String) {
        self.kind = kind
        self.campaignID = campaignID
        self.recipient = recipient
        self.title = title
        self.summary = summary
        self.body = body
        self.link = link
    }
}
