import Domain
import Foundation
import Testing

/// The transition table as the SOP states it, written independently of the machine's own table.
let expectedTransitions: [CampaignStage: Set<CommandKind>] = [
    .submitted: [.cancel],
    .heldInIntake: [.resubmit, .cancel],
    .triaged: [.assign, .cancel],
    .assigned: [.assign, .startBuild, .cancel],
    .building: [.submitForSelfReview, .reviseDocument, .cancel],
    .selfReview: [.sendToRequester, .reviseDocument, .cancel],
    .requesterReview: [.requestEdits, .approveAsRequester, .requestQA, .reviseDocument, .cancel],
    .edits: [.sendToRequester, .reviseDocument, .cancel],
    .qaRequested: [.recordQA, .requestEdits, .reviseDocument, .cancel],
    .qaPassed: [.startApprovals, .requestEdits, .reviseDocument, .cancel],
    .qaFailed: [.startBuild, .reviseDocument, .cancel],
    .inApproval: [.decideApproval, .requestEdits, .reviseDocument, .cancel],
    .approved: [.schedule, .reviseDocument, .cancel],
    .scheduled: [.schedule, .goLive, .reviseDocument, .cancel],
    .live: [.startMonitoring],
    .monitoring: [.close],
    .closed: [],
    .cancelled: [],
]

/// A valid command of `kind` for a campaign driven by `driver` (guards may still refuse it).
func sample(_ kind: CommandKind, for driver: Driver) -> CampaignCommand {
    switch kind {
    case .resubmit: .resubmit(.fixture())
    case .assign: .assign(specialist: "sam")
    case .startBuild: .startBuild
    case .submitForSelfReview: .submitForSelfReview
    case .sendToRequester: .sendToRequester
    case .requestEdits: .requestEdits(by: "ana", comments: "Tighter headline")
    case .approveAsRequester: .approveAsRequester(by: "ana")
    case .requestQA: .requestQA
    case .recordQA: driver.qa(.passed)
    case .startApprovals: .startApprovals
    case .decideApproval: driver.approve("marketing_lead", by: "mia")
    case .reviseDocument: .reviseDocument(Docs.emailV2)
    case .schedule: .schedule(goLiveAt: driver.now.addingTimeInterval(2 * 86_400))
    case .goLive: .goLive
    case .startMonitoring: .startMonitoring(until: driver.now.addingTimeInterval(7 * 86_400))
    case .close: .close
    case .cancel: .cancel(reason: "Product slipped a quarter")
    }
}

@Suite struct CampaignStateMachineTests {
    @Test(arguments: CampaignStage.allCases)
    func machineTableMatchesTheSOP(_ stage: CampaignStage) {
        #expect(stage.allowedCommands == expectedTransitions[stage])
    }

    @Test(arguments: CampaignStage.allCases)
    func fixtureDriverReachesEveryStage(_ stage: CampaignStage) throws {
        #expect(try Driver.inStage(stage).campaign.stage == stage)
    }

    @Test(arguments: CampaignStage.allCases, CommandKind.allCases)
    func everyCommandOutsideTheTableIsRefusedInEveryStage(_ stage: CampaignStage, _ kind: CommandKind) throws {
        var driver = try Driver.inStage(stage)
        let before = driver.campaign
        let allowed = expectedTransitions[stage]?.contains(kind) ?? false
        do {
            try driver.run(sample(kind, for: driver))
            #expect(allowed, "\(kind) succeeded in \(stage)")
        } catch {
            if allowed {
                #expect(error != .notAllowed(from: stage, command: kind))
            } else {
                #expect(error == .notAllowed(from: stage, command: kind))
            }
            #expect(driver.campaign == before, "a refused command must not change the campaign")
        }
    }

    @Test func happyPathRunsFromSubmissionToClosedAndLogsApprovedVersions() throws {
        let driver = try Driver.inStage(.closed)
        #expect(driver.campaign.history.map(\.stage) == [
            .submitted, .triaged, .assigned, .building, .selfReview, .requesterReview, .qaRequested, .qaPassed,
            .inApproval, .approved, .scheduled, .live, .monitoring, .closed,
        ])
        #expect(driver.campaign.approvedVersions == [Docs.emailV1, Docs.pageV1])
    }

    @Test func replayingTheEventsRebuildsTheSameCampaign() throws {
        for stage in CampaignStage.allCases where stage != .submitted {
            let driver = try Driver.inStage(stage)
            #expect(Campaign(replaying: driver.events) == driver.campaign, "\(stage)")
        }
    }

    @Test func resubmissionReTriagesUntilTheRequestIsComplete() throws {
        var driver = Driver(.fixture().removing([.budget, .launchDate]))
        #expect(driver.campaign.triage == .hold(missing: [.budget, .launchDate]))
        try driver.run(.resubmit(.fixture().removing([.launchDate])))
        #expect(driver.campaign.stage == .heldInIntake)
        #expect(driver.campaign.triage == .hold(missing: [.launchDate]))
        try driver.run(.resubmit(.fixture()))
        #expect(driver.campaign.stage == .triaged)
        #expect(driver.campaign.triage == .assign(to: .specialist))
        #expect(driver.campaign.holdCount == 2)
    }

    @Test func onlyTheRequesterMayResubmitReviewOrAskForEdits() throws {
        var held = Driver(.fixture().removing([.budget]))
        #expect(throws: TransitionError.notRequester("ben")) { try held.run(.resubmit(.fixture(requester: "ben"))) }
        var review = try Driver.inStage(.requesterReview)
        #expect(throws: TransitionError.notRequester("mia")) { try review.run(.approveAsRequester(by: "mia")) }
        #expect(throws: TransitionError.notRequester("mia")) {
            try review.run(.requestEdits(by: "mia", comments: "x"))
        }
        #expect(throws: TransitionError.commentsRequired) { try review.run(.requestEdits(by: "ana", comments: " ")) }
    }

    @Test func assigningSomeoneWithoutTheSpecialistRoleIsRefused() throws {
        var driver = Driver()
        #expect(throws: TransitionError.missingRole("quinn", .specialist)) {
            try driver.run(.assign(specialist: "quinn"))
        }
    }

    @Test func qaNeedsTheRequestersApprovalOfTheCurrentBuild() throws {
        var driver = try Driver.inStage(.requesterReview)
        #expect(throws: TransitionError.requesterApprovalMissing) { try driver.run(.requestQA) }
        try driver.run(.approveAsRequester(by: "ana"))
        try driver.run(.requestQA)
        #expect(driver.campaign.stage == .qaRequested)
    }

    @Test func editRoundsAreCountedAndFlaggedWhenAfterRequesterApproval() throws {
        var driver = try Driver.inStage(.requesterReview)
        try driver.run(.requestEdits(by: "ana", comments: "Round one"))
        try driver.run(.sendToRequester)
        try driver.run(.approveAsRequester(by: "ana"))
        let late = try driver.run(.requestEdits(by: "ana", comments: "One more tweak"))
        #expect(driver.campaign.editRounds == 2)
        #expect(driver.campaign.reviewRounds == 2)
        #expect(driver.campaign.editRoundsAfterRequesterApproval == 1)
        #expect(late.map(\.fact) == [
            .editsRequested(
                EditRequest(by: "ana", comments: "One more tweak", round: 2, afterRequesterApproval: true,
                            afterQAPassed: false))
        ])
        #expect(driver.campaign.requesterApproved == false)
    }

    @Test func qaReviewerMustNotHaveBuiltTheCampaign() throws {
        var driver = Driver()
        try driver.run(.assign(specialist: "sara"))
        try driver.run(.assign(specialist: "sam"))
        try driver.run(.startBuild)
        try driver.run(.reviseDocument(Docs.emailV1))
        try driver.run(.submitForSelfReview)
        try driver.run(.sendToRequester)
        try driver.run(.approveAsRequester(by: "ana"))
        try driver.run(.requestQA)
        #expect(throws: TransitionError.reviewerIsBuilder("sara")) { try driver.run(driver.qa(.passed, by: "sara")) }
        #expect(throws: TransitionError.missingRole("leo", .qaReviewer)) {
            try driver.run(driver.qa(.passed, by: "leo"))
        }
        try driver.run(driver.qa(.passed, by: "quinn"))
        #expect(driver.campaign.qaPassed)
    }

    @Test func failedQANeedsFindingsAndSendsTheCampaignBackToBuild() throws {
        var driver = try Driver.inStage(.qaRequested)
        let empty = QAVerdict(reviewer: "quinn", outcome: .failed, documents: driver.documents)
        #expect(throws: TransitionError.commentsRequired) { try driver.run(.recordQA(empty)) }
        try driver.run(driver.qa(.failed))
        #expect(driver.campaign.qaFailures == 1)
        try driver.run(.startBuild)
        #expect(driver.campaign.stage == .building)
    }

    @Test func qaVerdictOnAnOlderVersionIsStale() throws {
        var driver = try Driver.inStage(.qaRequested)
        let verdict = driver.qa(.passed)
        try driver.run(.reviseDocument(Docs.emailV2))
        #expect(throws: TransitionError.staleDocuments) { try driver.run(verdict) }
    }

    @Test func revisionWithTheCurrentContentChangesNothing() throws {
        var driver = try Driver.inStage(.building)
        #expect(try driver.run(.reviseDocument(Docs.emailV1)).isEmpty)
    }

    @Test func goLiveScheduleAndCloseRespectTheirTimes() throws {
        var approved = try Driver.inStage(.approved)
        #expect(throws: TransitionError.notInFuture(approved.now)) {
            try approved.campaign.apply(.schedule(goLiveAt: approved.now), at: approved.now, rules: rules)
        }
        var scheduled = try Driver.inStage(.scheduled)
        let goLiveAt = try #require(scheduled.campaign.goLiveAt)
        #expect(throws: TransitionError.tooEarly(until: goLiveAt)) { try scheduled.run(.goLive) }
        var monitoring = try Driver.inStage(.monitoring)
        let until = try #require(monitoring.campaign.monitoringUntil)
        #expect(throws: TransitionError.tooEarly(until: until)) { try monitoring.run(.close) }
    }

    @Test func cancellingNeedsAReason() throws {
        var driver = Driver()
        #expect(throws: TransitionError.commentsRequired) { try driver.run(.cancel(reason: "")) }
    }

    @Test func errorsHaveStableWireCodes() {
        #expect(TransitionError.notAllowed(from: .live, command: .goLive).code == "not_allowed")
        #expect(TransitionError.reviewerIsBuilder("sam").code == "reviewer_is_builder")
        #expect(TransitionError.approverIsRequester("mia").code == "approver_is_requester")
        #expect("\(TransitionError.notAllowed(from: .live, command: .goLive))" == "go_live is not allowed in stage live")
    }
}
