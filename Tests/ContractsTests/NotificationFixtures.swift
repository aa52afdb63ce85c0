import Contracts
import Domain
import Foundation

/// Golden messages of `marquee-notify`.
extension Fixtures {
    static let notificationInboxJSON = """
        {
          "causationid": "6f1c2a10-0000-4000-8000-000000000002",
          "correlationid": "6f1c2a10-0000-4000-8000-000000000001",
          "data": {"body": "Hello Lena Vogt,\\n\\nEscalation: cmp-2026-0001.", "campaign_id": "cmp-2026-0001",
                   "cause_id": "6f1c2a10-0000-4000-8000-000000000002", "kind": "escalation",
                   "link": "https://marquee.example.com/campaigns/cmp-2026-0001", "recipient": "lena",
                   "title": "[Marquee] Escalation: cmp-2026-0001"},
          "datacontenttype": "application/json",
          "id": "6f1c2a10-0000-4000-8000-000000000003",
          "source": "marquee/notify",
          "specversion": "1.0",
          "subject": "cmp-2026-0001",
          "time": "2026-03-03T09:15:00.250Z",
          "type": "notification.inbox"
        }
        """
    static let notificationInbox = Envelope(
        id: id3, source: "marquee/notify", time: time, correlationID: id1, causationID: id2,
        data: NotificationInbox(
            recipient: "lena", kind: .escalation, campaignID: campaign, title: "[Marquee] Escalation: cmp-2026-0001",
            body: "Hello Lena Vogt,\n\nEscalation: cmp-2026-0001.", link: "https://marquee.example.com/campaigns/cmp-2026-0001",
            causeID: id2))

    static let notificationFailedJSON = """
        {
          "correlationid": "6f1c2a10-0000-4000-8000-000000000003",
          "data": {"attempts": 6, "campaign_id": "cmp-2026-0001", "cause_id": "6f1c2a10-0000-4000-8000-000000000002",
                   "channel": "email", "error": "SMTP RCPT TO: 550 no such user", "kind": "qa_failed", "recipient": "sam"},
          "datacontenttype": "application/json",
          "id": "6f1c2a10-0000-4000-8000-000000000003",
          "source": "marquee/notify",
          "specversion": "1.0",
          "subject": "cmp-2026-0001",
          "time": "2026-03-03T09:15:00.250Z",
          "type": "notification.failed"
        }
        """
    static let notificationFailed = Envelope(
        id: id3, source: "marquee/notify", time: time,
        data: NotificationFailed(
            recipient: "sam", channel: "email", kind: .qaFailed, campaignID: campaign, attempts: 6,
            error: "SMTP RCPT TO: 550 no such user", causeID: id2))
}
