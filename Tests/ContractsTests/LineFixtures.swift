import Contracts
import Domain
import Foundation

/// Golden messages of the production line's commands and facts.
extension Fixtures {
    static let commandIssuedJSON = """
        {
          "correlationid": "6f1c2a10-0000-4000-8000-000000000001",
          "data": {"campaign_id": "cmp-2026-0001",
                   "command": {"by": "ana.m", "comments": "Shorter subject line", "type": "request_edits"}},
          "datacontenttype": "application/json",
          "id": "6f1c2a10-0000-4000-8000-000000000001",
          "source": "marquee/gateway",
          "specversion": "1.0",
          "subject": "cmp-2026-0001",
          "time": "2026-03-03T09:15:00.250Z",
          "type": "campaign.command.request_edits"
        }
        """
    static let commandIssued = Envelope(
        id: id1, source: "marquee/gateway", time: time,
        data: CampaignCommandIssued(campaignID: campaign, command: .requestEdits(by: "ana.m", comments: "Shorter subject line")))

    static let commandRejectedJSON = """
        {
          "causationid": "6f1c2a10-0000-4000-8000-000000000001",
          "correlationid": "6f1c2a10-0000-4000-8000-000000000001",
          "data": {"campaign_id": "cmp-2026-0001", "code": "not_allowed",
                   "command_id": "6F1C2A10-0000-4000-8000-000000000001",
                   "command_type": "campaign.command.decide_approval",
                   "message": "decide_approval is not allowed in stage building", "stage": "building"},
          "datacontenttype": "application/json",
          "id": "6f1c2a10-0000-4000-8000-000000000002",
          "source": "marquee/build",
          "specversion": "1.0",
          "subject": "cmp-2026-0001",
          "time": "2026-03-03T09:15:00.250Z",
          "type": "campaign.command.rejected"
        }
        """
    static let commandRejected = Envelope(
        id: id2, source: "marquee/build", time: time, correlationID: id1, causationID: id1,
        data: CommandRejected(
            campaignID: campaign, commandID: id1, commandType: "campaign.command.decide_approval", stage: .building,
            code: "not_allowed", message: "decide_approval is not allowed in stage building"))

    static let factRecordedJSON = """
        {
          "causationid": "6f1c2a10-0000-4000-8000-000000000001",
          "correlationid": "6f1c2a10-0000-4000-8000-000000000001",
          "data": {"campaign_id": "cmp-2026-0001", "fact": {"type": "specialist_assigned", "user": "sam.lee"},
                   "occurred_at": "2026-03-03T09:15:00.250Z", "stage": "assigned", "version": 3},
          "datacontenttype": "application/json",
          "id": "6f1c2a10-0000-4000-8000-000000000002",
          "source": "marquee/build",
          "specversion": "1.0",
          "subject": "cmp-2026-0001",
          "time": "2026-03-03T09:15:00.250Z",
          "type": "campaign.fact.specialist_assigned"
        }
        """
    static let factRecorded = Envelope(
        id: id2, source: "marquee/build", time: time, correlationID: id1, causationID: id1,
        data: CampaignFactRecorded(
            event: DomainEvent(campaignID: campaign, occurredAt: time, fact: .specialistAssigned("sam.lee")), version: 3,
            stage: .assigned))

    static let documentSubmittedJSON = """
        {
          "correlationid": "6f1c2a10-0000-4000-8000-000000000001",
          "data": {"campaign_id": "cmp-2026-0001", "content": "PGgxPkhpPC9oMT4=", "document": "email-main",
                   "media_type": "text/html", "submitted_by": "sam.lee", "template": "email/launch"},
          "datacontenttype": "application/json",
          "id": "6f1c2a10-0000-4000-8000-000000000001",
          "source": "marquee/gateway",
          "specversion": "1.0",
          "subject": "cmp-2026-0001",
          "time": "2026-03-03T09:15:00.250Z",
          "type": "campaign.document.submitted"
        }
        """
    static let documentSubmitted = Envelope(
        id: id1, source: "marquee/gateway", time: time,
        data: DocumentSubmitted(
            campaignID: campaign, document: "email-main", template: "email/launch", mediaType: "text/html",
            content: Data("<h1>Hi</h1>".utf8), submittedBy: "sam.lee"))

    static let escalationRaisedJSON = """
        {
          "correlationid": "6f1c2a10-0000-4000-8000-000000000003",
          "data": {"escalation": {"campaign_id": "cmp-2026-0001", "log_request": false,
                                  "notify_role": "marketing_ops_lead", "raise_flag": true, "reason": "delayed_approval",
                                  "subject": "legal"},
                   "station": "approvals"},
          "datacontenttype": "application/json",
          "id": "6f1c2a10-0000-4000-8000-000000000003",
          "source": "marquee/approvals",
          "specversion": "1.0",
          "subject": "cmp-2026-0001",
          "time": "2026-03-03T09:15:00.250Z",
          "type": "campaign.escalation.raised"
        }
        """
    static let escalationRaised = Envelope(
        id: id3, source: "marquee/approvals", time: time,
        data: EscalationRaised(
            escalation: Escalation(
                reason: .delayedApproval, campaignID: campaign, notifyRole: .marketingOpsLead, raiseFlag: true,
                subject: "legal"),
            station: .approvals))
}
