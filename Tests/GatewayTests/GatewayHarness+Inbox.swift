import Contracts
import Domain
import Foundation

@testable import GatewayService

extension GatewayHarness {
    /// A `notification.inbox` event for `recipient` about `campaign`, as marquee-notify publishes it.
    static func notification(
        to recipient: UserID, title: String, campaign: CampaignID = "cmp-1", kind: NotificationKind = .approvalNeeded
    ) -> AnyEnvelope {
        AnyEnvelope(
            Envelope(
                id: UUID(), source: "marquee/notify", time: now,
                data: NotificationInbox(
                    recipient: recipient, kind: kind, campaignID: campaign, title: title, body: "Hello \(recipient),\nplease look.",
                    link: "http://127.0.0.1:7788/campaigns/\(campaign)", causeID: UUID())))
    }
}
