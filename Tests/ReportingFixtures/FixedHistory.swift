import Contracts
import Domain
import Foundation
import Reporting

/// A fixed event history of three campaigns around ISO week 2026-W47 (Mon 16 – Sun 22 November 2026, UTC),
/// with a holiday on Wednesday 18 November, whose figures are computed by hand in the tests.
///
/// - A (product launch): submitted Fri 13 16:00, assigned over the weekend, builds across the holiday, misses
///   the requester review SLA, ends the week in `edits`.
/// - B (event): submitted Mon 9, QA fails once (Mon 16) then passes, legal signs late, launches Fri 20 09:00.
/// - C (seasonal, no objective): held for a missing budget, resubmitted, QA passes, then edits after QA passed.
public enum FixedHistory {
    public static let a: CampaignID = "cmp-a"
    public static let b: CampaignID = "cmp-b"
    public static let c: CampaignID = "cmp-c"
    public static let week = ISOWeek(year: 2026, week: 47)

    /// The rules: business hours 09–17 UTC Mon–Fri, the holiday, and simple SLA turnarounds.
    public static let rules: Rules = {
        var rules = Rules.builtIn
        rules.calendar = BusinessCalendar(timeZone: "UTC", holidays: [Day(year: 2026, month: 11, day: 18)])
        rules.slas = [
            .resubmission: SLAPolicy(owner: .requester, turnaround: .days(2)),
            .assignment: SLAPolicy(owner: .marketingOps, turnaround: .hours(4)),
            .buildStart: SLAPolicy(owner: .specialist, turnaround: .days(1)),
            .build: SLAPolicy(owner: .specialist, turnaround: .days(2)),
            .selfReview: SLAPolicy(owner: .specialist, turnaround: .hours(4)),
            .requesterReview: SLAPolicy(owner: .requester, turnaround: .days(1)),
            .edits: SLAPolicy(owner: .specialist, turnaround: .days(1)),
            .qa: SLAPolicy(owner: .qaReviewer, turnaround: .days(1)),
            .qaRework: SLAPolicy(owner: .specialist, turnaround: .hours(4)),
            .approvalRouting: SLAPolicy(owner: .marketingOps, turnaround: .hours(4)),
            .approval: SLAPolicy(owner: .marketingLead, turnaround: .days(1)),
            .scheduling: SLAPolicy(owner: .marketingOps, turnaround: .days(1)),
        ]
        return rules
    }()

    /// `2026-11-<day> <hour>:<minute>` UTC.
    public static func at(_ day: Int, _ hour: Int, _ minute: Int = 0) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        return calendar.date(from: DateComponents(year: 2026, month: 11, day: day, hour: hour, minute: minute))!
    }

    public static func request(_ title: String, _ type: CampaignType, _ objective: Objective?, launch: Day, budget: Bool = true)
        -> CampaignRequest
    {
        CampaignRequest(
            title: title, requester: "ana", objective: objective, type: type,
            brief: Brief(
                goal: "goal", audience: "audience", keyMessage: "message", channels: [.email],
                budget: budget ? Money(amountMinor: 500_000, currency: "EUR") : nil, launchDate: launch))
    }

    public static let documents = [DocumentVersion(document: "email-main", version: 1, contentHash: "sha256:aa")]

    public static func facts(_ campaign: CampaignID, _ steps: [(Date, CampaignFact)]) -> [CampaignFactRecorded] {
        var folded: Campaign?
        return steps.enumerated().map { index, step in
            let event = DomainEvent(campaignID: campaign, occurredAt: step.0, fact: step.1)
            if folded == nil { folded = Campaign(replaying: [event]) } else { folded?.evolve(event) }
            return CampaignFactRecorded(event: event, version: index + 1, stage: folded?.stage ?? .submitted)
        }
    }

    public static var campaignA: [CampaignFactRecorded] {
        facts(a, [
            (at(13, 16), .submitted(request("Launch A", .productLaunch, .conversion, launch: Day(year: 2026, month: 12, day: 15)))),
            (at(13, 16), .triaged(.assign(to: .specialist))),
            (at(16, 10), .specialistAssigned("sam")),
            (at(16, 11), .buildStarted),
            (at(19, 10), .selfReviewStarted),
            (at(19, 12), .sentToRequester(round: 1)),
            (at(20, 16), .requesterApproved(by: "ana")),
            (at(20, 16, 30), .editsRequested(
                EditRequest(by: "ana", comments: "new headline", round: 1, afterRequesterApproval: true, afterQAPassed: false))),
        ])
    }

    public static let legal = PlannedApprovalStep(id: "legal-review", role: .legal, phase: 0, turnaround: .hours(4))
    public static let lead = PlannedApprovalStep(id: "marketing-lead", role: .marketingLead, phase: 0)

    public static var campaignB: [CampaignFactRecorded] {
        facts(b, [
            (at(9, 9), .submitted(request("Event B", .event, .awareness, launch: Day(year: 2026, month: 11, day: 20)))),
            (at(9, 9), .triaged(.assign(to: .specialist))),
            (at(9, 10), .specialistAssigned("sam")),
            (at(9, 10), .buildStarted),
            (at(10, 10), .selfReviewStarted),
            (at(10, 11), .sentToRequester(round: 1)),
            (at(10, 12), .requesterApproved(by: "ana")),
            (at(13, 12), .qaRequested),
            (at(16, 9, 30), .qaRecorded(QAVerdict(reviewer: "quinn", outcome: .failed, findings: ["broken link"], documents: documents))),
            (at(16, 10), .buildStarted),
            (at(16, 12), .qaRequested),
            (at(16, 14), .qaRecorded(QAVerdict(reviewer: "quinn", outcome: .passed, documents: documents))),
            (at(16, 15), .approvalsStarted([lead, legal])),
            (at(17, 12), .approvalRecorded(ApprovalDecision(step: "legal-review", approver: "lee", verdict: .approved, documents: documents))),
            (at(17, 14), .approvalRecorded(ApprovalDecision(step: "marketing-lead", approver: "mia", verdict: .approved, documents: documents))),
            (at(17, 14), .campaignApproved(versions: documents)),
            (at(17, 16), .scheduled(goLiveAt: at(20, 9))),
            (at(20, 9), .wentLive),
        ])
    }

    public static var campaignC: [CampaignFactRecorded] {
        let held = request("Season C", .seasonal, nil, launch: Day(year: 2026, month: 12, day: 15), budget: false)
        return facts(c, [
            (at(16, 9), .submitted(held)),
            (at(16, 9), .triaged(.hold(missing: [.budget]))),
            (at(17, 9), .resubmitted(request("Season C", .seasonal, nil, launch: Day(year: 2026, month: 12, day: 15)))),
            (at(17, 9), .triaged(.assign(to: .specialist))),
            (at(17, 9), .specialistAssigned("sam")),
            (at(17, 10), .buildStarted),
            (at(19, 10), .qaRequested),
            (at(19, 12), .qaRecorded(QAVerdict(reviewer: "quinn", outcome: .passed, documents: documents))),
            (at(19, 15), .editsRequested(
                EditRequest(by: "ana", comments: "price", round: 1, afterRequesterApproval: false, afterQAPassed: true))),
        ])
    }

    /// An automated QA report of B with one failing rule in two documents, and a warning that does not count.
    public static var qaReport: QAReportReady {
        QAReportReady(
            campaignID: b, documents: documents,
            findings: [
                .init(document: "email-main", rule: "link.empty-href", severity: "error", message: "m", fix: "f"),
                .init(document: "landing", rule: "link.empty-href", severity: "error", message: "m", fix: "f"),
                .init(document: "email-main", rule: "content.preheader-missing", severity: "warning", message: "m", fix: "f"),
            ], worker: "qa-1")
    }

    public static var escalation: EscalationRaised {
        EscalationRaised(
            escalation: Escalation(reason: .delayedApproval, campaignID: b, notifyRole: .marketingOpsLead, subject: "legal-review"),
            station: .approvals)
    }

    /// Every event in journal order (campaigns interleaved by time), as envelopes.
    public static var envelopes: [AnyEnvelope] {
        var timed: [(Date, Int, AnyEnvelope)] = []
        for fact in campaignA + campaignB + campaignC {
            timed.append((fact.event.occurredAt, timed.count, AnyEnvelope(Envelope.make(fact, source: "marquee/test", now: fact.event.occurredAt))))
        }
        timed.append((at(16, 11), timed.count, AnyEnvelope(Envelope.make(qaReport, source: "marquee/qa", now: at(16, 11)))))
        timed.append((at(17, 13), timed.count, AnyEnvelope(Envelope.make(escalation, source: "marquee/approvals", now: at(17, 13)))))
        return timed.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
    }

    /// The history folded into memory.
    public static func ledger() throws -> InMemoryLedger {
        var ledger = InMemoryLedger()
        let fold = ReportingFold(rules: rules)
        for envelope in envelopes { _ = try fold.apply(envelope, to: &ledger) }
        return ledger
    }
}
