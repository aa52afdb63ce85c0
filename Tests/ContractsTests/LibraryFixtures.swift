import Contracts
import Domain
import Foundation

/// Golden message of the knowledge library's flag.
extension Fixtures {
    static let templateMissingJSON = """
        {
          "correlationid": "6f1c2a10-0000-4000-8000-000000000003",
          "data": {"escalation": {"campaign_id": "cmp-2026-0001", "log_request": true, "notify_user": "olga",
                                  "raise_flag": true, "reason": "missing_template", "subject": "webinar"},
                   "requested_by": "ana"},
          "datacontenttype": "application/json",
          "id": "6f1c2a10-0000-4000-8000-000000000003",
          "source": "marquee/assistant",
          "specversion": "1.0",
          "subject": "cmp-2026-0001",
          "time": "2026-03-03T09:15:00.250Z",
          "type": "library.template.missing"
        }
        """
    static let templateMissing = Envelope(
        id: id3, source: "marquee/assistant", time: time,
        data: TemplateMissing(
            escalation: Escalation(
                reason: .missingTemplate, campaignID: campaign, notifyUser: "olga", raiseFlag: true, logRequest: true,
                subject: "webinar"),
            requestedBy: "ana"))
}
