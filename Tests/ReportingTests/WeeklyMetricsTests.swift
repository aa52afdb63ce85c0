import Contracts
import Domain
import Foundation
import Reporting
import ReportingFixtures
import Testing

/// The weekly figures of ``FixedHistory`` for 2026-W47, each computed by hand (see the history's comments;
/// business hours are 09–17 UTC, Wednesday 18 November is a holiday).
@Suite struct WeeklyMetricsTests {
    let report: WeeklyReport

    init() throws {
        report = WeeklyReport(week: FixedHistory.week, data: try FixedHistory.ledger().data, rules: FixedHistory.rules)
    }

    @Test func weekIsMondayToMondayInTheBusinessZone() {
        #expect(report.period == ReportPeriod(start: FixedHistory.at(16, 0), end: FixedHistory.at(23, 0)))
    }

    @Test func stageDurationsCountStaysEndedInTheWeek() throws {
        let building = try #require(report.stageDurations.byStage.first { $0.stage == .building })
        // A: Mon 11:00 → Thu 10:00 = 6 + 8 + (holiday) + 1 = 15 h; B: Mon 10–12 = 2 h; C: Tue 10:00 → Thu 10:00 = 7 + 1 = 8 h.
        #expect(building.hours.count == 3)
        #expect(building.hours.min == 2 && building.hours.median == 8 && building.hours.max == 15)
        #expect(abs(building.hours.p90 - 13.6) < 1e-9)
        let qa = try #require(report.stageDurations.byStage.first { $0.stage == .qaRequested })
        // B: Fri 12:00 → Mon 09:30 over the weekend = 5 + 0.5 h; B again 2 h; C 2 h.
        #expect(qa.hours.count == 3 && qa.hours.median == 2 && qa.hours.max == 5.5)
        let expected: [CampaignStage: Double] = [
            .submitted: 0, .heldInIntake: 8, .selfReview: 2, .requesterReview: 12.5, .qaFailed: 0.5, .inApproval: 7,
            .approved: 2, .scheduled: 9,
        ]
        for (stage, hours) in expected {
            #expect(report.stageDurations.byStage.first { $0.stage == stage }?.hours.median == hours, "\(stage)")
        }
        #expect(!report.stageDurations.byStage.contains { $0.stage == .edits }, "edits never ended in the week")
        let eventBuild = report.stageDurations.byType.first { $0.type == .event && $0.stage == .building }
        #expect(eventBuild?.hours.median == 2)
    }

    @Test func slaCompliancePerStep() {
        let rows = report.slaByStep.map { "\($0.name) \($0.met)/\($0.missed)" }
        #expect(rows == [
            "approval:legal-review 0/1", "approval:marketing-lead 1/0", "approval_routing 2/0", "assignment 2/0",
            "build 3/0", "build_start 2/0", "edits 0/1", "qa 3/0", "qa_rework 1/0", "requester_review 0/1",
            "resubmission 1/0", "scheduling 1/0", "self_review 1/0",
        ])
    }

    @Test func slaCompliancePerOwnerRole() {
        let rows = report.slaByOwner.map { "\($0.name) \($0.met)/\($0.missed)" }
        #expect(rows == [
            "legal 0/1", "marketing_lead 1/0", "marketing_ops 5/0", "qa_reviewer 3/0", "requester 1/1", "specialist 7/1",
        ])
        #expect(report.slaByOwner.first { $0.name == "specialist" }?.rate == 7.0 / 8.0)
    }

    @Test func cycleTimeFromRequestToLaunch() {
        // B: Mon 9 Nov 09:00 → Fri 20 Nov 09:00 = 11 days; business hours 5 × 8 + 3 × 8 (holiday) = 64.
        #expect(report.cycleTime.days?.median == 11)
        #expect(report.cycleTime.days?.p90 == 11)
        #expect(report.cycleTime.businessHours?.median == 64)
    }

    @Test func throughputAndQueueDepth() {
        #expect(report.throughput.count == 8)
        #expect(report.throughput.suffix(2).map { "\($0.week) \($0.requested)/\($0.launched)" } == [
            "2026-W46 2/0", "2026-W47 1/1",
        ])
        #expect(report.queueDepth.filter { $0.campaigns > 0 }.map { "\($0.stage.rawValue) \($0.campaigns)" } == ["edits 2"])
        let last = report.cumulativeFlow.points.last
        #expect(last?.at == report.period.end)
        #expect(last?.counts == [0, 2, 0, 0, 1])
    }

    @Test func qaFirstPassYieldAndFailingRules() {
        // First verdicts in the week: B failed (Mon), C passed (Thu).
        #expect(report.qaYield.campaigns == 2 && report.qaYield.firstPass == 1 && report.qaYield.yield == 0.5)
        #expect(report.topFailingRules.map { "\($0.rule) \($0.source.rawValue) \($0.failures)" } == [
            "broken link checklist 1", "link.empty-href automated 1",
        ])
    }

    @Test func approvalDelaysPerRole() {
        // Both open Mon 15:00. Legal (4 h) decides Tue 12:00: 5 h, late; marketing lead (1 d) Tue 14:00: 7 h.
        #expect(report.approvalDelays.map { "\($0.role.rawValue) \($0.hours.median) late \($0.late)" } == [
            "legal 5.0 late 1", "marketing_lead 7.0 late 0",
        ])
    }

    @Test func editRoundsOfLaunchedCampaigns() {
        #expect(report.editRounds.rounds?.count == 1 && report.editRounds.rounds?.max == 0)
        #expect(report.editRounds.campaignsWithRoundsAfterApproval == 0)
    }

    @Test func warningsOfTheWeekWithEvidenceAndRoute() throws {
        #expect(report.warnings.map(\.key) == [
            "cmp-c/missing_mvp/hold-1",
            "cmp-b/missed_deadline/legal-review@\(Int(FixedHistory.at(17, 11).timeIntervalSince1970))",
            "cmp-c/edits_after_qa_passed/1",
            "cmp-a/missed_deadline/requester_review@\(Int(FixedHistory.at(20, 12).timeIntervalSince1970))",
        ])
        let legal = try #require(report.warnings.first { $0.campaignID == FixedHistory.b })
        #expect(legal.route.reason == .delayedApproval && legal.route.notifyRole == .marketingOpsLead)
        #expect(legal.detectedAt == FixedHistory.at(17, 12))
        let review = try #require(report.warnings.last)
        #expect(review.route.reason == .slaBreach && review.route.notifyRole == .marketingOps)
        #expect(review.evidence.contains("requester_review (owner requester)"))
        #expect(report.warnings.first?.evidence == "held in intake (hold 1); missing: budget")
        #expect(report.warningCounts.map { "\($0.kind.rawValue) \($0.warnings)/\($0.campaigns)" } == [
            "missing_mvp 1/1", "edits_after_qa_passed 1/1", "missed_deadline 2/2",
        ])
        #expect(report.escalations == ["delayed_approval": 1])
    }

    @Test func earlierWeeksWarningsStayInTheirWeek() throws {
        let all = try FixedHistory.ledger().warnings
        // B sat in requester review from Tue 10 Nov 11:00: past 3 business days and its 1-day SLA by Fri 13 12:00.
        #expect(all.count == 6)
        #expect(Set(all.filter { $0.detectedAt == FixedHistory.at(13, 12) }.map { WarningKind($0.sign) }) == [.longHold, .missedDeadline])
    }
}
