import Domain
import Foundation
import Testing

@Suite struct WarningSignsTests {
    @Test func heldRequestShowsTheMissingMVP() {
        let driver = Driver(.fixture().removing([.budget, .launchDate]))
        #expect(WarningSigns.detect(in: driver.campaign, at: driver.now, rules: rules) == [
            .missingMVP(missing: [.budget, .launchDate])
        ])
    }

    @Test(arguments: [(1, false), (2, true), (3, true)])
    func severalEditRoundsAfterRequesterApprovalAreAWarning(_ rounds: Int, _ warned: Bool) throws {
        var driver = try Driver.inStage(.requesterReview)
        for _ in 0..<rounds {
            try driver.run(.approveAsRequester(by: "ana"))
            try driver.run(.requestEdits(by: "ana", comments: "Change the hero image"))
            try driver.run(.sendToRequester)
        }
        let signs = WarningSigns.detect(in: driver.campaign, at: driver.now, rules: rules)
        #expect(signs.contains(.editRoundsAfterRequesterApproval(count: rounds)) == warned)
    }

    @Test func editsAfterQAPassedAreAWarning() throws {
        var driver = try Driver.inStage(.qaPassed)
        #expect(WarningSigns.detect(in: driver.campaign, at: driver.now, rules: rules).isEmpty)
        try driver.run(.requestEdits(by: "ana", comments: "Legal wants a new disclaimer"))
        #expect(WarningSigns.detect(in: driver.campaign, at: driver.now, rules: rules) == [.editsAfterQAPassed(count: 1)])
        #expect(driver.campaign.editRoundsAfterRequesterApproval == 1)
    }

    @Test func revisionAfterQAPassedIsAnEditAfterQAPassed() throws {
        var driver = try Driver.inStage(.approved)
        try driver.run(.reviseDocument(Docs.pageV2))
        #expect(WarningSigns.detect(in: driver.campaign, at: driver.now, rules: rules) == [.editsAfterQAPassed(count: 1)])
    }

    @Test func longHoldStartsAfterThreeBusinessDaysInOneStage() throws {
        let driver = try Driver.inStage(.building)
        let entered = driver.campaign.stageEnteredAt
        let threshold = rules.calendar.adding(.days(3), to: entered)
        let before = WarningSigns.detect(in: driver.campaign, at: threshold.addingTimeInterval(-1), rules: rules)
        #expect(!before.contains(.longHold(stage: .building, since: entered)))
        let after = WarningSigns.detect(in: driver.campaign, at: threshold, rules: rules)
        #expect(after.contains(.longHold(stage: .building, since: entered)))
    }

    @Test func missedSLADeadlineIsAWarningOnlyOnceOverdue() throws {
        let driver = Driver()  // triaged Monday 10:00; assignment SLA 4h → due 14:00
        let due = at("2026-03-02T14:00:00+01:00")
        #expect(WarningSigns.detect(in: driver.campaign, at: due, rules: rules).isEmpty)
        let deadline = SLADeadline(step: .assignment, owner: .marketingOps, startedAt: driver.now, dueAt: due)
        #expect(WarningSigns.detect(in: driver.campaign, at: due.addingTimeInterval(60), rules: rules) == [
            .missedDeadline(deadline)
        ])
    }

    @Test func passedLaunchDateWithoutGoingLiveIsAWarning() throws {
        let driver = try Driver.inStage(.approved)
        let signs = WarningSigns.detect(in: driver.campaign, at: at("2026-04-21T08:00:00+02:00"), rules: rules)
        #expect(signs.contains(.missedLaunchDate(Day(year: 2026, month: 4, day: 20))))
        let onTheDay = WarningSigns.detect(in: driver.campaign, at: at("2026-04-20T23:00:00+02:00"), rules: rules)
        #expect(!onTheDay.contains(.missedLaunchDate(Day(year: 2026, month: 4, day: 20))))
    }

    @Test(arguments: [CampaignStage.closed, .cancelled, .monitoring])
    func finishedOrMonitoredCampaignsShowNoHoldOrDeadline(_ stage: CampaignStage) throws {
        let driver = try Driver.inStage(stage)
        #expect(WarningSigns.detect(in: driver.campaign, at: at("2027-01-01T12:00:00+01:00"), rules: rules).isEmpty)
    }
}
