import Contracts
import Domain
import Foundation
import Testing

@testable import NotifyService

@Suite struct NoticePlannerTests {
    let planner = NoticePlanner(rules: rules, dashboardURL: dashboard)

    @Test func assignmentTellsTheSpecialistWithALinkToTheCampaign() throws {
        var log = FactLog()
        _ = log.notices(.triaged(.assign(to: .specialist)))
        let notices = log.notices(.specialistAssigned("sam"))
        #expect(notices.summary == ["assignment sam"])
        let notice = try #require(notices.first)
        #expect(notice.recipient.email == "sam@example.com")
        #expect(notice.title == "[Marquee] Assigned to you: Spring launch (cmp-1)")
        #expect(notice.link == "https://marquee.example.com/campaigns/cmp-1")
        #expect(notice.body.hasPrefix("Hello Sam Weiss,\n"))
        #expect(notice.body.hasSuffix("Open: https://marquee.example.com/campaigns/cmp-1\n"))
    }

    @Test func reviewRoundGoesToTheRequester() {
        var log = FactLog()
        for fact: CampaignFact in [.triaged(.assign(to: .specialist)), .specialistAssigned("sam"), .buildStarted, .selfReviewStarted] {
            log.append(fact)
        }
        #expect(log.notices(.sentToRequester(round: 1)).summary == ["review_requested ana"])
    }

    @Test func qaRequestGoesToReviewersWhoNeverBuiltIt() {
        var log = FactLog()
        for fact: CampaignFact in [
            .triaged(.assign(to: .specialist)), .specialistAssigned("sara"), .buildStarted, .selfReviewStarted,
            .sentToRequester(round: 1), .requesterApproved(by: "ana"),
        ] { log.append(fact) }
        // sara holds qa_reviewer too, but built it: only quinn is asked.
        #expect(log.notices(.qaRequested).summary == ["review_requested quinn"])
    }

    @Test func failedQATellsTheSpecialistWithTheFindings() throws {
        var log = FactLog.built()
        log.append(.qaRequested)
        let verdict = QAVerdict(reviewer: "quinn", outcome: .failed, findings: ["Broken unsubscribe link"], documents: [])
        let notices = log.notices(.qaRecorded(verdict))
        #expect(notices.summary == ["qa_failed sam"])
        #expect(try #require(notices.first).body.contains("- Broken unsubscribe link"))
    }

    @Test func passedQANotifiesNobody() {
        var log = FactLog.built()
        log.append(.qaRequested)
        #expect(log.notices(.qaRecorded(QAVerdict(reviewer: "quinn", outcome: .passed, documents: []))).isEmpty)
    }

    @Test func approvalNeededGoesToEachNewlyOpenStepsRole() {
        var log = FactLog.built()
        log.append(.qaRequested)
        log.append(.qaRecorded(QAVerdict(reviewer: "quinn", outcome: .passed, documents: [])))
        let plan = rules.approvals.route(CampaignRequest.fixture())
        #expect(log.notices(.approvalsStarted(plan)).summary == ["approval_needed mia"])
        let signed = ApprovalDecision(step: "marketing_lead", approver: "mia", verdict: .approved, documents: [])
        // legal and brand run in parallel after the marketing lead.
        #expect(log.notices(.approvalRecorded(signed)).summary == ["approval_needed bea", "approval_needed leo"])
    }

    @Test func goLiveTellsRequesterSpecialistAndMarketingOpsOnceEach() {
        var log = FactLog.built()
        // lena holds marketing_ops and marketing_ops_lead; olga marketing_ops.
        #expect(log.notices(.wentLive).summary == ["go_live ana", "go_live lena", "go_live olga", "go_live sam"])
    }

    struct EscalationCase: Sendable, CustomTestStringConvertible {
        var reason: EscalationReason
        var kind: NotificationKind
        var recipients: [String]
        var testDescription: String { reason.rawValue }
    }

    @Test(arguments: [
        EscalationCase(reason: .delayedApproval, kind: .escalation, recipients: ["lena"]),
        EscalationCase(reason: .budgetIssue, kind: .escalation, recipients: ["fiona"]),
        EscalationCase(reason: .slaBreach, kind: .slaBreached, recipients: ["lena", "olga"]),
    ])
    func escalationFollowsItsConfiguredRoute(_ row: EscalationCase) {
        let escalation = Escalations.escalate(row.reason, campaign: "cmp-1", subject: "legal", rules: rules)
        let notices = planner.notices(for: EscalationRaised(escalation: escalation, station: .approvals), title: "Spring launch")
        #expect(notices.summary == row.recipients.map { "\(row.kind.rawValue) \($0)" })
        #expect(notices.allSatisfy { $0.body.contains("Escalated (\(row.reason.rawValue)): legal.") })
    }

    @Test func missingTemplateGoesToTheDocumentOwner() {
        let escalation = Escalations.missingTemplate("launch-email-v2", campaign: "cmp-1", documentOwner: "sam", rules: rules)
        #expect(planner.notices(for: EscalationRaised(escalation: escalation, station: .build), title: nil).summary
            == ["escalation sam"])
    }

    @Test func failedAutomatedQATellsTheSpecialist() {
        let log = FactLog.built()
        let failing = QAReportReady(
            campaignID: "cmp-1", documents: [],
            findings: [.init(document: "email", rule: "link.empty-href", severity: "error", message: "Empty link", fix: "")],
            worker: "qa-1")
        #expect(planner.notices(for: failing, campaign: log.campaign).summary == ["qa_failed sam"])
        let passing = QAReportReady(campaignID: "cmp-1", documents: [], findings: [], worker: "qa-1")
        #expect(planner.notices(for: passing, campaign: log.campaign).isEmpty)
    }
}
