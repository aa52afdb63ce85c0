import Contracts
import Domain
import Foundation
import ServiceKit
import Testing

@testable import StationKit

/// The line's rules across stations: ownership, version order, rejections, automation and timers.
@Suite struct StationLineTests {
    let start = at("2027-03-01T10:00:00+01:00")  // a Monday, business hours in Berlin

    @Test func aCampaignTravelsTheWholeLineAndEveryStationAgreesOnItsHistory() throws {
        let line = try SimulatedLine()
        var time = try line.buildThroughQA("cmp-1", from: start)
        #expect(try line.record("cmp-1", at: .approvals)?.confirmed.stage == .inApproval)  // started by approvals itself
        for (step, approver) in [("marketing_lead", "mia"), ("legal", "leo"), ("brand", "bea")] {
            time = time.addingTimeInterval(60)
            try line.command(
                .decideApproval(ApprovalDecision(step: step, approver: UserID(rawValue: approver), verdict: .approved, documents: [Docs.v1])),
                "cmp-1", at: time)
        }
        #expect(try line.record("cmp-1", at: .launch)?.confirmed.stage == .scheduled)  // for the brief's launch date
        let goLive = at("2027-03-15T09:00:00+01:00")
        try line.advance(to: goLive.addingTimeInterval(30))
        #expect(try line.record("cmp-1", at: .launch)?.confirmed.stage == .monitoring)
        try line.advance(to: goLive.addingTimeInterval(8 * 86_400))

        let facts = line.facts(of: "cmp-1")
        #expect(facts.map(\.version) == Array(1...facts.count))
        #expect(facts.last?.stage == .closed)
        #expect(facts.first { $0.event.fact == .wentLive }?.event.occurredAt == goLive)  // at its time, not the tick's
        #expect(line.rejections.isEmpty)
        for station in Station.allCases {
            #expect(try line.loggedVersions("cmp-1", at: station) == Array(1...facts.count), "\(station)")
            #expect(try line.record("cmp-1", at: station)?.pending.isEmpty == true)
        }
    }

    @Test func eachFactComesFromTheStationOwningTheStageItWasDecidedIn() throws {
        let line = try SimulatedLine()
        try line.buildThroughQA("cmp-1", from: start)
        let facts = line.events(CampaignFactRecorded.self).filter { $0.data.event.campaignID == "cmp-1" }
        var stage = CampaignStage.submitted
        for fact in facts {
            if fact.data.version > 1 { #expect(fact.source == stage.station.source, "\(fact.data.event.fact.type)") }
            stage = fact.data.stage
        }
    }

    @Test func anOutOfOrderCommandIsRejectedOnceByTheOwnerAndChangesNothing() throws {
        let line = try SimulatedLine()
        try line.publish(RequestSubmitted(campaignID: "cmp-1", request: completeRequest()), at: start)
        try line.settle()
        let approve = try line.command(
            .decideApproval(ApprovalDecision(step: "legal", approver: "leo", verdict: .approved, documents: [])),
            "cmp-1", at: start.addingTimeInterval(60))
        #expect(line.rejections.count == 1)
        let rejection = try #require(line.rejections.first)
        #expect(rejection.code == "not_allowed")
        #expect(rejection.commandID == approve.id)
        #expect(rejection.stage == .triaged)
        #expect(line.events(CommandRejected.self).first?.source == "marquee/build")
        #expect(line.facts(of: "cmp-1").count == 2)
    }

    @Test func aCommandForAnUnknownCampaignIsRejectedByIntakeAlone() throws {
        let line = try SimulatedLine()
        try line.command(.startBuild, "cmp-404", at: start)
        #expect(line.rejections.map(\.code) == ["unknown_campaign"])
        #expect(line.events(CommandRejected.self).map(\.source) == ["marquee/intake"])
    }

    @Test func aSecondSubmissionOfTheSameCampaignIsRejected() throws {
        let line = try SimulatedLine()
        try line.publish(RequestSubmitted(campaignID: "cmp-1", request: completeRequest()), at: start)
        try line.publish(RequestSubmitted(campaignID: "cmp-1", request: completeRequest(requester: "ben")), at: start)
        try line.settle()
        #expect(line.rejections.map(\.code) == ["duplicate_campaign"])
        #expect(line.facts(of: "cmp-1").count == 2)
    }

    @Test func commandsInQuickSuccessionSeeEachOthersEffectsBeforeTheRelayPublishes() throws {
        let line = try SimulatedLine()
        try line.publish(RequestSubmitted(campaignID: "cmp-1", request: completeRequest()), at: start)
        try line.settle()
        // Three commands in the journal before build's relay publishes anything.
        for (offset, command) in [CampaignCommand.assign(specialist: "sam"), .startBuild, .submitForSelfReview].enumerated() {
            try line.publish(CampaignCommandIssued(campaignID: "cmp-1", command: command), at: start.addingTimeInterval(Double(offset + 1)))
        }
        try line.deliver(to: .build)
        #expect(try line.record("cmp-1", at: .build)?.pending.count == 3)
        try line.settle()
        #expect(line.rejections.isEmpty)
        #expect(line.facts(of: "cmp-1").map(\.stage).suffix(3) == [.assigned, .building, .selfReview])
        #expect(try line.record("cmp-1", at: .build)?.pending.isEmpty == true)
    }

    @Test func aCommandReadBeforeTheHandOverArrivesIsStillDecidedByTheStationThatHandsOver() throws {
        let line = try SimulatedLine()
        try line.buildThroughQA("cmp-1", from: start)
        // approvals decides the last sign-off; before its facts reach the journal, the requester asks for edits.
        for (step, approver) in [("marketing_lead", "mia"), ("legal", "leo")] {
            try line.command(
                .decideApproval(ApprovalDecision(step: step, approver: UserID(rawValue: approver), verdict: .approved, documents: [Docs.v1])),
                "cmp-1", at: start.addingTimeInterval(3600))
        }
        try line.publish(
            CampaignCommandIssued(
                campaignID: "cmp-1",
                command: .decideApproval(ApprovalDecision(step: "brand", approver: "bea", verdict: .approved, documents: [Docs.v1]))),
            at: start.addingTimeInterval(3700))
        try line.deliver(to: .approvals)  // decided: campaign_approved is pending in approvals
        try line.publish(
            CampaignCommandIssued(campaignID: "cmp-1", command: .schedule(goLiveAt: at("2027-03-20T09:00:00+01:00"))),
            at: start.addingTimeInterval(3800))
        try line.settle()
        // In the journal's order approvals still owned the campaign when `schedule` arrived: approvals decided it.
        let scheduled = line.events(CampaignFactRecorded.self).filter { $0.data.event.fact.type == .scheduled }
        #expect(scheduled.count == 1)
        #expect(scheduled.first?.source == "marquee/approvals")
        #expect(scheduled.first?.data.event.fact == .scheduled(goLiveAt: at("2027-03-20T09:00:00+01:00")))
        #expect(line.rejections.isEmpty)
        let facts = line.facts(of: "cmp-1")
        #expect(facts.map(\.version) == Array(1...facts.count))
    }

    @Test func aFactDeliveredTwiceIsFoldedOnce() throws {
        let line = try SimulatedLine(stations: [.intake, .build])
        try line.publish(RequestSubmitted(campaignID: "cmp-1", request: completeRequest()), at: start)
        try line.settle()
        let before = try line.record("cmp-1", at: .build)
        // A copy of fact 2 under a new id (the broker cannot dedupe it): the version says it is old.
        let second = try #require(line.facts(of: "cmp-1").last)
        try line.publish(second, source: "marquee/intake", at: start)
        try line.settle()
        #expect(try line.record("cmp-1", at: .build) == before)
        #expect(line.deadLetters.isEmpty)
    }

    @Test func aFactAfterAMissingVersionIsRefusedForTheDeadLetters() throws {
        let line = try SimulatedLine(stations: [.build])
        let event = DomainEvent(campaignID: "cmp-1", occurredAt: start, fact: .submitted(completeRequest()))
        try line.publish(CampaignFactRecorded(event: event, version: 1, stage: .submitted), source: "marquee/intake", at: start)
        try line.publish(
            CampaignFactRecorded(
                event: DomainEvent(campaignID: "cmp-1", occurredAt: start, fact: .specialistAssigned("sam")), version: 3,
                stage: .assigned), source: "marquee/build", at: start)
        try line.deliver(to: .build)
        #expect(line.deadLetters.count == 1)
        #expect(line.deadLetters.first?.rejection.detail.contains("before version 2") == true)
        #expect(try line.record("cmp-1", at: .build)?.version == 1)
    }

    @Test func aQAVerdictByTheBuilderIsRejectedWithTheStateMachinesReason() throws {
        let line = try SimulatedLine()
        try line.publish(RequestSubmitted(campaignID: "cmp-1", request: completeRequest()), at: start)
        try line.settle()
        var time = start
        for command in [CampaignCommand.assign(specialist: "sara"), .startBuild, .reviseDocument(Docs.v1),
                        .submitForSelfReview, .sendToRequester, .approveAsRequester(by: "ana"), .requestQA] {
            time = time.addingTimeInterval(60)
            try line.command(command, "cmp-1", at: time)
        }
        let qa = QAVerdict(reviewer: "sara", outcome: .passed, documents: [Docs.v1])
        try line.command(.recordQA(qa), "cmp-1", at: time.addingTimeInterval(60))
        #expect(line.rejections.map(\.code) == ["reviewer_is_builder"])
        #expect(line.rejections.first?.stage == .qaRequested)
        #expect(line.rejections.first?.message == "sara built this campaign and cannot QA it")
        #expect(try line.record("cmp-1", at: .build)?.confirmed.stage == .qaRequested)
    }

    @Test func rebuildingAStationFromSeqZeroPublishesNothingNew() throws {
        let line = try SimulatedLine()
        var time = try line.buildThroughQA("cmp-1", from: start)
        time = time.addingTimeInterval(60)
        try line.command(
            .decideApproval(ApprovalDecision(step: "marketing_lead", approver: "mia", verdict: .rejected, comments: "Wrong hero", documents: [Docs.v1])),
            "cmp-1", at: time)
        let journalIDs = Set(line.journal.map(\.header.id))
        // A fresh build station reads the whole journal: every event it emits is one already journaled.
        let fresh = try SimulatedLine(stations: [.build])
        for envelope in line.journal { try fresh.replay(envelope) }
        try fresh.deliver(to: .build)
        let emitted = fresh.members[.build]?.relayQueue ?? []
        #expect(!emitted.isEmpty)
        #expect(emitted.allSatisfy { journalIDs.contains($0.header.id) })
        #expect(try fresh.record("cmp-1", at: .build)?.confirmed == line.record("cmp-1", at: .build)?.confirmed)
    }

    @Test func anOverdueStepIsEscalatedOnceAlongItsRoute() throws {
        let line = try SimulatedLine()
        try line.publish(RequestSubmitted(campaignID: "cmp-1", request: completeRequest()), at: start)
        try line.settle()
        // Assignment is due in 4 business hours (14:00 Berlin); nobody assigns.
        try line.advance(to: at("2027-03-01T13:59:00+01:00"))
        #expect(line.events(EscalationRaised.self).isEmpty)
        try line.advance(to: at("2027-03-01T14:01:00+01:00"))
        try line.advance(to: at("2027-03-01T15:00:00+01:00"))
        let raised = line.events(EscalationRaised.self)
        #expect(raised.count == 1)
        #expect(raised.first?.data.escalation.reason == .slaBreach)
        #expect(raised.first?.data.escalation.subject == "assignment")
        #expect(raised.first?.source == "marquee/build")
    }

    @Test func aDelayedApprovalGoesToTheMarketingOpsLead() throws {
        let line = try SimulatedLine()
        try line.buildThroughQA("cmp-1", from: start)
        try line.advance(to: at("2027-03-05T12:00:00+01:00"))  // marketing_lead's 2 business days passed
        let raised = line.events(EscalationRaised.self).filter { $0.data.escalation.reason == .delayedApproval }
        #expect(raised.map(\.data.escalation.subject) == ["marketing_lead"])
        #expect(raised.first?.data.escalation.notifyRole == .marketingOpsLead)
        #expect(raised.first?.source == "marquee/approvals")
    }

    @Test func aCampaignWithoutALaunchDateInTheFutureWaitsForOpsToScheduleIt() throws {
        let line = try SimulatedLine()
        var time = try line.buildThroughQA("cmp-1", from: start)
        // Approvals finish after the launch date passed.
        time = at("2027-03-16T10:00:00+01:00")
        for (step, approver) in [("marketing_lead", "mia"), ("legal", "leo"), ("brand", "bea")] {
            time = time.addingTimeInterval(60)
            try line.command(
                .decideApproval(ApprovalDecision(step: step, approver: UserID(rawValue: approver), verdict: .approved, documents: [Docs.v1])),
                "cmp-1", at: time)
        }
        #expect(try line.record("cmp-1", at: .launch)?.confirmed.stage == .approved)
        try line.command(.schedule(goLiveAt: at("2027-03-17T09:00:00+01:00")), "cmp-1", at: time.addingTimeInterval(60))
        #expect(try line.record("cmp-1", at: .launch)?.confirmed.stage == .scheduled)
    }
}
