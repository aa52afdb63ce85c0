import Contracts
import Domain
import Foundation

/// Wire fixtures: each literal is the exact JSON of a message (whitespace aside) and `value` what it means.
enum Fixtures {
    static let campaign: CampaignID = "cmp-2026-0001"
    /// 2026-03-03T09:15:00.250Z, computed independently of the RFC 3339 code under test.
    static let time = Date(timeIntervalSince1970: 1_772_529_300.25)
    static let id1 = UUID(uuidString: "6f1c2a10-0000-4000-8000-000000000001")!
    static let id2 = UUID(uuidString: "6f1c2a10-0000-4000-8000-000000000002")!
    static let id3 = UUID(uuidString: "6f1c2a10-0000-4000-8000-000000000003")!

    static let completeRequest = CampaignRequest(
        title: "Spring launch", requester: "ana.lopez", objective: .conversion, type: .productLaunch,
        brief: Brief(
            goal: "500 trial sign-ups", audience: "IT admins at mid-size firms", keyMessage: "Set up in minutes",
            channels: [.email, .instagram], budget: Money(amountMinor: 1_250_000, currency: "EUR"),
            launchDate: Day(year: 2026, month: 4, day: 14),
            swot: SWOT(strengths: ["fast setup"], opportunities: ["competitor price rise"])),
        outline: "Teaser, launch email, landing page",
        assetNeeds: [AssetNeed(channel: .instagram, format: .png, size: PixelSize(width: 1080, height: 1080))],
        timeline: [Milestone(name: "assets final", due: Day(year: 2026, month: 3, day: 20))])

    static let requestSubmittedJSON = """
        {
          "correlationid": "6f1c2a10-0000-4000-8000-000000000001",
          "data": {
            "campaign_id": "cmp-2026-0001",
            "request": {
              "asset_needs": [{"channel": "instagram", "format": "png", "size": {"height": 1080, "width": 1080}}],
              "brief": {
                "audience": "IT admins at mid-size firms",
                "budget": {"amount_minor": 1250000, "currency": "EUR"},
                "channels": ["email", "instagram"],
                "goal": "500 trial sign-ups",
                "key_message": "Set up in minutes",
                "launch_date": "2026-04-14",
                "swot": {"opportunities": ["competitor price rise"], "strengths": ["fast setup"], "threats": [],
                         "weaknesses": []}
              },
              "objective": "conversion",
              "outline": "Teaser, launch email, landing page",
              "requester": "ana.lopez",
              "timeline": [{"due": "2026-03-20", "name": "assets final"}],
              "title": "Spring launch",
              "type": "product_launch"
            }
          },
          "datacontenttype": "application/json",
          "id": "6f1c2a10-0000-4000-8000-000000000001",
          "source": "marquee/gateway",
          "specversion": "1.0",
          "subject": "cmp-2026-0001",
          "time": "2026-03-03T09:15:00.250Z",
          "type": "campaign.request.submitted"
        }
        """
    static let requestSubmitted = Envelope(
        id: id1, source: "marquee/gateway", time: time,
        data: RequestSubmitted(campaignID: campaign, request: completeRequest))

    static let requestResubmittedJSON = """
        {
          "causationid": "6f1c2a10-0000-4000-8000-000000000002",
          "correlationid": "6f1c2a10-0000-4000-8000-000000000001",
          "data": {
            "campaign_id": "cmp-2026-0001",
            "request": {
              "asset_needs": [],
              "brief": {"channels": ["web"], "goal": "Fill the booth"},
              "requester": "ben.okafor",
              "timeline": [],
              "title": "Summit booth",
              "type": "event"
            },
            "resubmission": 2
          },
          "datacontenttype": "application/json",
          "id": "6f1c2a10-0000-4000-8000-000000000003",
          "source": "marquee/gateway",
          "specversion": "1.0",
          "subject": "cmp-2026-0001",
          "time": "2026-03-03T09:15:00.250Z",
          "type": "campaign.request.resubmitted"
        }
        """
    static let requestResubmitted = Envelope(
        id: id3, source: "marquee/gateway", time: time, correlationID: id1, causationID: id2,
        data: RequestResubmitted(
            campaignID: campaign,
            request: CampaignRequest(
                title: "Summit booth", requester: "ben.okafor", type: .event,
                brief: Brief(goal: "Fill the booth", channels: [.web])),
            resubmission: 2))

    static let intakeHeldJSON = """
        {
          "causationid": "6f1c2a10-0000-4000-8000-000000000001",
          "correlationid": "6f1c2a10-0000-4000-8000-000000000001",
          "data": {
            "campaign_id": "cmp-2026-0001",
            "campaign_type": "event",
            "hold_count": 1,
            "missing": ["audience", "key_message", "launch_date"],
            "requester": "ben.okafor"
          },
          "datacontenttype": "application/json",
          "id": "6f1c2a10-0000-4000-8000-000000000002",
          "source": "marquee/intake",
          "specversion": "1.0",
          "subject": "cmp-2026-0001",
          "time": "2026-03-03T09:15:00.250Z",
          "type": "campaign.intake.held"
        }
        """
    static let intakeHeld = Envelope(
        id: id2, source: "marquee/intake", time: time, correlationID: id1, causationID: id1,
        data: IntakeHeld(
            campaignID: campaign, requester: "ben.okafor", campaignType: .event,
            missing: [.audience, .keyMessage, .launchDate], holdCount: 1))

    static let intakeTriagedJSON = """
        {
          "causationid": "6f1c2a10-0000-4000-8000-000000000001",
          "correlationid": "6f1c2a10-0000-4000-8000-000000000001",
          "data": {"assign_to": "specialist", "campaign_id": "cmp-2026-0001", "campaign_type": "product_launch",
                   "hold_count": 0},
          "datacontenttype": "application/json",
          "id": "6f1c2a10-0000-4000-8000-000000000002",
          "source": "marquee/intake",
          "specversion": "1.0",
          "subject": "cmp-2026-0001",
          "time": "2026-03-03T09:15:00.250Z",
          "type": "campaign.intake.triaged"
        }
        """
    static let intakeTriaged = Envelope(
        id: id2, source: "marquee/intake", time: time, correlationID: id1, causationID: id1,
        data: IntakeTriaged(campaignID: campaign, campaignType: .productLaunch, assignTo: .specialist, holdCount: 0))

    static let campaignAssignedJSON = """
        {
          "causationid": "6f1c2a10-0000-4000-8000-000000000002",
          "correlationid": "6f1c2a10-0000-4000-8000-000000000001",
          "data": {"assigned_by": "ops.maria", "assignee": "sam.lee", "campaign_id": "cmp-2026-0001",
                   "role": "specialist"},
          "datacontenttype": "application/json",
          "id": "6f1c2a10-0000-4000-8000-000000000003",
          "source": "marquee/intake",
          "specversion": "1.0",
          "subject": "cmp-2026-0001",
          "time": "2026-03-03T09:15:00.250Z",
          "type": "campaign.assigned"
        }
        """
    static let campaignAssigned = Envelope(
        id: id3, source: "marquee/intake", time: time, correlationID: id1, causationID: id2,
        data: CampaignAssigned(campaignID: campaign, assignee: "sam.lee", role: .specialist, assignedBy: "ops.maria"))

    static let deadLetterJSON = """
        {
          "correlationid": "6f1c2a10-0000-4000-8000-000000000003",
          "data": {
            "attempts": 5,
            "detail": "lease expired 5 times",
            "last_worker": "qa-worker-2",
            "original_id": "6f1c2a10-0000-4000-8000-000000000002",
            "original_topic": "campaign.intake.held",
            "reason": "max_attempts_exceeded",
            "seq": 18446744073709551615
          },
          "datacontenttype": "application/json",
          "id": "6f1c2a10-0000-4000-8000-000000000003",
          "source": "marquee/bus",
          "specversion": "1.0",
          "time": "2026-03-03T09:15:00.250Z",
          "type": "deadletter.campaign.intake.held"
        }
        """
    static let deadLetter = Envelope(
        id: id3, source: "marquee/bus", time: time,
        data: DeadLetter(
            originalTopic: "campaign.intake.held", seq: .max, reason: .maxAttemptsExceeded,
            detail: "lease expired 5 times", attempts: 5, lastWorker: "qa-worker-2", originalID: id2))
}
