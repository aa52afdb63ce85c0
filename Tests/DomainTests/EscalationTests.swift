import Domain
import Foundation
import Testing

struct RouteRow: Sendable, CustomTestStringConvertible {
    var reason: EscalationReason
    var role: Role?
    var user: UserID?
    var flag: Bool
    var request: Bool
    var testDescription: String { reason.rawValue }
}

@Suite struct EscalationTests {
    @Test(arguments: [
        RouteRow(reason: .delayedApproval, role: .marketingOpsLead, user: nil, flag: false, request: false),
        RouteRow(reason: .missingTemplate, role: nil, user: "dora", flag: true, request: true),
        RouteRow(reason: .budgetIssue, role: .financeOps, user: nil, flag: false, request: false),
        RouteRow(reason: .slaBreach, role: .marketingOps, user: nil, flag: false, request: false),
    ])
    func builtInRoutesNotifyTheRightPeople(_ row: RouteRow) {
        let escalation = Escalations.escalate(row.reason, campaign: "cmp-1", subject: "x", documentOwner: "dora",
                                              rules: rules)
        #expect(escalation.notifyRole == row.role)
        #expect(escalation.notifyUser == row.user)
        #expect(escalation.raiseFlag == row.flag)
        #expect(escalation.logRequest == row.request)
    }

    @Test func overdueApprovalEscalatesToTheMarketingOpsLead() throws {
        let driver = try Driver.inStage(.inApproval)
        let due = rules.calendar.adding(.days(2), to: driver.campaign.stageEnteredAt)
        #expect(Escalations.overdue(driver.campaign, at: due, rules: rules).isEmpty)
        let escalations = Escalations.overdue(driver.campaign, at: due.addingTimeInterval(1), rules: rules)
        #expect(escalations.map(\.reason) == [.delayedApproval])
        #expect(escalations.first?.notifyRole == .marketingOpsLead)
        #expect(escalations.first?.subject == "marketing_lead")
        #expect(escalations.first?.deadline?.dueAt == due)
    }

    @Test func overdueOtherStepIsAnSLABreachForMarketingOps() {
        let driver = Driver()
        let escalations = Escalations.overdue(driver.campaign, at: at("2026-03-03T09:00:00+01:00"), rules: rules)
        #expect(escalations.map(\.reason) == [.slaBreach])
        #expect(escalations.first?.subject == "assignment")
        #expect(escalations.first?.notifyRole == .marketingOps)
        #expect(escalations.first?.key == "cmp-1/sla_breach/assignment/\(Int(at("2026-03-02T14:00:00+01:00").timeIntervalSince1970))")
    }

    @Test func missingTemplateFlagsAndAsksTheDocumentOwner() {
        let escalation = Escalations.missingTemplate("go-live-announcement", campaign: "cmp-1", documentOwner: "olga",
                                                     rules: rules)
        #expect(escalation == Escalation(
            reason: .missingTemplate, campaignID: "cmp-1", notifyUser: "olga", raiseFlag: true, logRequest: true,
            subject: "go-live-announcement"))
    }

    @Test func financeRejectionIsABudgetIssueForFinanceOps() throws {
        var driver = Driver(.fixture(budget: eur(25_000)))
        try ApprovalRoutingTests.toApprovals(&driver, requester: "ana")
        try driver.run(driver.approve("marketing_lead", by: "mia"))
        try driver.run(driver.approve("legal", by: "leo"))
        let beforeRejection = driver.campaign
        try driver.run(driver.approve("brand", by: "bea"))
        let rejected = try driver.run(driver.reject("finance", by: "finn", comments: "Over the quarter's budget"))
        let escalations = rejected.flatMap { Escalations.caused(by: $0, in: driver.campaign, rules: rules) }
        #expect(escalations.map(\.reason) == [.budgetIssue])
        #expect(escalations.first?.notifyRole == .financeOps)
        let legalRejection = try beforeRejection.decide(driver.reject("brand", by: "bea"), at: driver.now, rules: rules)
        #expect(legalRejection.flatMap { Escalations.caused(by: $0, in: beforeRejection, rules: rules) }.isEmpty)
    }

    @Test func unroutedReasonIsStillFlagged() {
        var custom = Rules.builtIn
        custom.escalations[.budgetIssue] = nil
        let escalation = Escalations.escalate(.budgetIssue, campaign: "cmp-1", subject: "finance", rules: custom)
        #expect(escalation.raiseFlag && escalation.notifyRole == nil && escalation.notifyUser == nil)
    }
}
