import Domain
import Foundation
import Testing

struct RouteCase: Sendable, CustomTestStringConvertible {
    var name: String
    var type: CampaignType
    var channels: [Channel]
    var budget: Money?
    /// Expected steps as `id@phase`.
    var expected: [String]
    var testDescription: String { name }
}

func eur(_ units: Int64) -> Money { Money(amountMinor: units * 100, currency: "EUR") }

@Suite struct ApprovalRoutingTests {
    @Test(arguments: [
        RouteCase(
            name: "launch under threshold: lead, then legal ∥ brand", type: .productLaunch, channels: [.email],
            budget: eur(5_000), expected: ["marketing_lead@0", "legal@1", "brand@1"]),
        RouteCase(
            name: "launch at exactly 10k pulls in finance", type: .productLaunch, channels: [.email],
            budget: eur(10_000), expected: ["marketing_lead@0", "legal@1", "brand@1", "finance@2"]),
        RouteCase(
            name: "launch 1 cent under 10k does not", type: .productLaunch, channels: [.email],
            budget: Money(amountMinor: 999_999, currency: "EUR"), expected: ["marketing_lead@0", "legal@1", "brand@1"]),
        RouteCase(
            name: "other currency pulls in finance", type: .productLaunch, channels: [.web],
            budget: Money(amountMinor: 100, currency: "USD"),
            expected: ["marketing_lead@0", "legal@1", "brand@1", "finance@2"]),
        RouteCase(
            name: "small email event: lead only", type: .event, channels: [.email], budget: eur(2_000),
            expected: ["marketing_lead@0"]),
        RouteCase(
            name: "paid event over 5k: finance ∥ legal", type: .event, channels: [.paid, .email], budget: eur(6_000),
            expected: ["marketing_lead@0", "finance@1", "legal@1"]),
        RouteCase(
            name: "small paid event: legal joins the lead's phase", type: .event, channels: [.sms],
            budget: eur(1_000), expected: ["marketing_lead@0", "legal@0"]),
        RouteCase(
            name: "seasonal: lead ∥ brand", type: .seasonal, channels: [.instagram], budget: nil,
            expected: ["marketing_lead@0", "brand@0"]),
        RouteCase(
            name: "other, paid and big: all serial", type: .other, channels: [.paid], budget: eur(20_000),
            expected: ["marketing_lead@0", "legal@1", "finance@2"]),
        RouteCase(
            name: "other without budget", type: .other, channels: [.web], budget: nil, expected: ["marketing_lead@0"]),
    ])
    func matrixRoutesByTypeChannelAndBudget(_ row: RouteCase) {
        let request = CampaignRequest.fixture(type: row.type, channels: row.channels, budget: row.budget)
        #expect(rules.approvals.route(request).map { "\($0.id)@\($0.phase)" } == row.expected)
    }

    @Test func laterPhaseCannotDecideBeforeTheEarlierOneSigned() throws {
        var driver = try Driver.inStage(.inApproval)
        #expect(throws: TransitionError.approvalStepNotOpen("legal")) { try driver.run(driver.approve("legal", by: "leo")) }
        #expect(throws: TransitionError.unknownApprovalStep("finance")) {
            try driver.run(driver.approve("finance", by: "finn"))
        }
        try driver.run(driver.approve("marketing_lead", by: "mia"))
        #expect(Set(driver.campaign.approvals?.openSteps.map(\.step.id) ?? []) == ["legal", "brand"])
    }

    @Test func parallelStepsMayBeSignedInEitherOrder() throws {
        var driver = try Driver.inStage(.inApproval)
        try driver.run(driver.approve("marketing_lead", by: "mia"))
        try driver.run(driver.approve("brand", by: "bea"))
        #expect(driver.campaign.stage == .inApproval)
        let last = try driver.run(driver.approve("legal", by: "leo"))
        #expect(last.last?.fact == .campaignApproved(versions: [Docs.emailV1, Docs.pageV1]))
        #expect(driver.campaign.stage == .approved)
    }

    @Test func approverMustHoldTheStepsRole() throws {
        var driver = try Driver.inStage(.inApproval)
        #expect(throws: TransitionError.missingRole("leo", .marketingLead)) {
            try driver.run(driver.approve("marketing_lead", by: "leo"))
        }
    }

    @Test func requesterCannotApproveTheirOwnCampaignWhereTheMatrixSaysSo() throws {
        var driver = Driver(.fixture(requester: "mia"))
        try Self.toApprovals(&driver, requester: "mia")
        #expect(throws: TransitionError.approverIsRequester("mia")) {
            try driver.run(driver.approve("marketing_lead", by: "mia"))
        }
        var relaxed = Rules.builtIn
        relaxed.approvals.routes[.productLaunch]?[0].distinctFromRequester = false
        var allowed = Driver(.fixture(requester: "mia"), rules: relaxed)
        try Self.toApprovals(&allowed, requester: "mia")
        try allowed.run(allowed.approve("marketing_lead", by: "mia"))
        #expect(allowed.campaign.approvals?.steps[0].signOff?.approver == "mia")
    }

    @Test func rejectionSendsTheCampaignBackWithCommentsAndKeepsValidSignOffs() throws {
        var driver = try Driver.inStage(.inApproval)
        try driver.run(driver.approve("marketing_lead", by: "mia"))
        #expect(throws: TransitionError.commentsRequired) { try driver.run(driver.reject("legal", by: "leo", comments: "")) }
        try driver.run(driver.reject("legal", by: "leo", comments: "Claims need a source"))
        #expect(driver.campaign.stage == .building)
        #expect(driver.campaign.lastRejection?.comments == "Claims need a source")
        // Rework touches only the landing page: the lead's sign-off saw the old page, so it goes too.
        try driver.run(.reviseDocument(Docs.pageV2))
        #expect(driver.campaign.approvals?.steps.allSatisfy { $0.signOff == nil } == true)
    }

    @Test func reworkWithoutChangesKeepsEarlierSignOffsAcrossTheNextRound() throws {
        var driver = try Driver.inStage(.inApproval)
        try driver.run(driver.approve("marketing_lead", by: "mia"))
        try driver.run(driver.reject("brand", by: "bea"))
        try driver.run(.submitForSelfReview)
        try driver.run(.sendToRequester)
        try driver.run(.approveAsRequester(by: "ana"))
        try driver.run(.requestQA)
        try driver.run(driver.qa(.passed))
        try driver.run(.startApprovals)
        #expect(driver.campaign.approvals?.openSteps.map(\.step.id) == ["legal", "brand"])
    }

    @Test func newVersionInvalidatesSignOffsThatSawTheOldOneAndNeedsQAAgain() throws {
        var driver = try Driver.inStage(.inApproval)
        try driver.run(driver.approve("marketing_lead", by: "mia"))
        let events = try driver.run(.reviseDocument(Docs.emailV2))
        #expect(events.map(\.fact) == [
            .documentRevised(Docs.emailV2),
            .signOffsInvalidated(steps: ["marketing_lead"], document: "email-main"),
            .qaInvalidated(document: "email-main"),
        ])
        #expect(driver.campaign.stage == .qaRequested)
        #expect(driver.campaign.editsAfterQAPassed == 1)
        #expect(driver.campaign.approvals?.steps.first?.signOff == nil)
    }

    @Test func decisionOnAnOlderVersionIsRefused() throws {
        var driver = try Driver.inStage(.inApproval)
        let old = driver.approve("marketing_lead", by: "mia")
        try driver.run(.reviseDocument(Docs.emailV2))
        try driver.run(driver.qa(.passed))
        try driver.run(.startApprovals)
        #expect(throws: TransitionError.staleDocuments) { try driver.run(old) }
        try driver.run(driver.approve("marketing_lead", by: "mia"))
    }

    @Test func emptyPlanApprovesAtOnce() throws {
        var custom = Rules.builtIn
        custom.approvals.routes[.productLaunch] = []
        var driver = try Driver.inStage(.qaPassed)
        driver.rules = custom
        let events = try driver.run(.startApprovals)
        #expect(events.map(\.fact.type) == [.approvalsStarted, .campaignApproved])
    }

    static func toApprovals(_ driver: inout Driver, requester: UserID) throws {
        try driver.run(.assign(specialist: "sam"))
        try driver.run(.startBuild)
        try driver.run(.reviseDocument(Docs.emailV1))
        try driver.run(.submitForSelfReview)
        try driver.run(.sendToRequester)
        try driver.run(.approveAsRequester(by: requester))
        try driver.run(.requestQA)
        try driver.run(driver.qa(.passed))
        try driver.run(.startApprovals)
    }
}
