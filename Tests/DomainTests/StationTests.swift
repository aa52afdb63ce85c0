import Domain
import Foundation
import Testing

/// Which station owns each stage, and what stations do by themselves.
@Suite struct StationTests {
    @Test(arguments: [
        (CampaignStage.submitted, Station.intake), (.heldInIntake, .intake), (.cancelled, .intake),
        (.triaged, .build), (.assigned, .build), (.building, .build), (.selfReview, .build),
        (.requesterReview, .build), (.edits, .build), (.qaRequested, .build), (.qaFailed, .build),
        (.qaPassed, .approvals), (.inApproval, .approvals),
        (.approved, .launch), (.scheduled, .launch), (.live, .launch), (.monitoring, .launch), (.closed, .launch),
    ])
    func everyStageHasOneOwner(_ stage: CampaignStage, _ owner: Station) {
        #expect(stage.station == owner)
        #expect(owner.stages.contains(stage))
        #expect(Station.allCases.filter { $0.stages.contains(stage) } == [owner])
    }

    /// A campaign in `stage` with the given launch date and timers.
    private func campaign(in stage: CampaignStage, launch: Day? = Day(year: 2026, month: 4, day: 20),
                          goLiveAt: Date? = nil, monitoringUntil: Date? = nil) -> Campaign {
        var campaign = Campaign(id: "cmp-1", request: .fixture(launchDate: launch), submittedAt: at("2026-03-02T10:00:00+01:00"))
        campaign.stage = stage
        campaign.goLiveAt = goLiveAt
        campaign.monitoringUntil = monitoringUntil
        return campaign
    }

    @Test func approvalsStartApprovalsAsSoonAsQAPassed() {
        let now = at("2026-03-10T10:00:00+01:00")
        #expect(Station.approvals.automaticCommand(for: campaign(in: .qaPassed), at: now, rules: rules) == .startApprovals)
        #expect(Station.build.automaticCommand(for: campaign(in: .qaPassed), at: now, rules: rules) == nil)
        #expect(Station.approvals.automaticCommand(for: campaign(in: .inApproval), at: now, rules: rules) == nil)
    }

    @Test func launchSchedulesForTheLaunchDateAtTheGoLiveTimeInTheCalendarsZone() {
        let now = at("2026-03-10T10:00:00+01:00")
        // 20 April 2026 is in summer time in Berlin: 09:00 local is 07:00 UTC.
        #expect(Station.launch.automaticCommand(for: campaign(in: .approved), at: now, rules: rules)
            == .schedule(goLiveAt: at("2026-04-20T07:00:00Z")))
        var custom = rules
        custom.launch = LaunchPolicy(goLiveAt: TimeOfDay(hour: 14, minute: 30), monitoringDays: 3)
        #expect(Station.launch.automaticCommand(for: campaign(in: .approved), at: now, rules: custom)
            == .schedule(goLiveAt: at("2026-04-20T14:30:00+02:00")))
    }

    @Test func launchWaitsForOpsWhenTheLaunchDateHasPassedOrIsMissing() {
        let late = at("2026-04-21T10:00:00+02:00")
        #expect(Station.launch.automaticCommand(for: campaign(in: .approved), at: late, rules: rules) == nil)
        #expect(Station.launch.automaticCommand(for: campaign(in: .approved, launch: nil), at: late, rules: rules) == nil)
    }

    @Test func launchGoesLiveAtItsTimeThenMonitorsThenCloses() {
        let goLive = at("2026-04-20T09:00:00+02:00")
        let scheduled = campaign(in: .scheduled, goLiveAt: goLive)
        #expect(Station.launch.nextTimer(for: scheduled) == goLive)
        #expect(Station.launch.automaticCommand(for: scheduled, at: goLive.addingTimeInterval(-1), rules: rules) == nil)
        #expect(Station.launch.automaticCommand(for: scheduled, at: goLive, rules: rules) == .goLive)
        #expect(Station.launch.automaticCommand(for: campaign(in: .live), at: goLive, rules: rules)
            == .startMonitoring(until: goLive.addingTimeInterval(7 * 86_400)))
        let end = goLive.addingTimeInterval(7 * 86_400)
        let monitoring = campaign(in: .monitoring, monitoringUntil: end)
        #expect(Station.launch.nextTimer(for: monitoring) == end)
        #expect(Station.launch.automaticCommand(for: monitoring, at: end.addingTimeInterval(-1), rules: rules) == nil)
        #expect(Station.launch.automaticCommand(for: monitoring, at: end, rules: rules) == .close)
    }

    @Test func peopleStepsAreNeverAutomatic() {
        let now = at("2026-03-10T10:00:00+01:00")
        for stage in CampaignStage.allCases where ![.qaPassed, .approved, .live].contains(stage) {
            #expect(stage.station.automaticCommand(for: campaign(in: stage), at: now, rules: rules) == nil, "\(stage)")
        }
    }

    @Test func commandsRoundTripThroughTheirWireForm() throws {
        let commands: [CampaignCommand] = [
            .resubmit(.fixture()), .assign(specialist: "sam"), .startBuild, .submitForSelfReview, .sendToRequester,
            .requestEdits(by: "ana", comments: "Shorter"), .approveAsRequester(by: "ana"), .requestQA,
            .recordQA(QAVerdict(reviewer: "quinn", outcome: .failed, findings: ["broken link"], documents: [])),
            .startApprovals,
            .decideApproval(ApprovalDecision(step: "legal", approver: "leo", verdict: .approved, documents: [])),
            .reviseDocument(DocumentVersion(document: "email", version: 2, contentHash: "sha256:ab")),
            .schedule(goLiveAt: Date(timeIntervalSince1970: 1_800_000_000)), .goLive,
            .startMonitoring(until: Date(timeIntervalSince1970: 1_800_600_000)), .close, .cancel(reason: "budget cut"),
        ]
        #expect(Set(commands.map(\.kind)) == Set(CommandKind.allCases))
        for command in commands {
            let data = try JSONEncoder().encode(command)
            #expect(try JSONDecoder().decode(CampaignCommand.self, from: data) == command)
        }
    }
}
