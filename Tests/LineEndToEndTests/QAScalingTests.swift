import Bus
import Contracts
import Domain
import Foundation
import LineEndToEndSupport
import Logging
import Testing

/// QA scaled while the line is under load: `marquee up` starts with one QA replica, `marquee scale qa 4` adds
/// three while generated campaigns flow, `marquee scale qa 1` stops them again before the load ends. Every
/// campaign must still end right, and every QA request (`campaign.fact.qa_requested`) must have exactly one
/// `qa.report.ready` in the journal: none lost by a replica stopped with work leased, none reported twice.
@Suite("LineEndToEnd: QA scaling", .serialized, .timeLimit(.minutes(10)))
struct QAScalingTests {
    /// `MARQUEE_SCALING_CAMPAIGNS`, else 300.
    static let campaigns = Int(ProcessInfo.processInfo.environment["MARQUEE_SCALING_CAMPAIGNS"] ?? "") ?? 300

    @Test func qaGoesFromOneToFourToOneReplicaWithoutLosingOrRepeatingAReport() async throws {
        let scenarios = LineScenario.generate(count: Self.campaigns)
        let clock = try StationClockFile()
        let up = try await MarqueeUp(["--qa-replicas", "1", "--station-clock", clock.flag, "--tick-ms", "100"])
        let credentials = try up.credentials()
        let driver = LineDriver(
            ingress: up.endpoint(1), fanout: up.endpoint(2), control: up.endpoint(3), credentials: credentials,
            scenarios: scenarios, setClock: clock.set)

        let load = Task {
            let observation = try await driver.run(timeout: .seconds(300 + scenarios.count))
            return (observation, ended: ContinuousClock.now)
        }
        try await Task.sleep(for: .seconds(2))
        try await scale(up, to: 4)
        try await up.waitFor("QA replicas 1 → 4", seconds: 120)
        // A new replica joins the group once its projection caught up; scale back only after one took work.
        let control = try BusControl(
            bus: BusEndpoints(ingress: up.endpoint(1), fanout: up.endpoint(2), control: up.endpoint(3), credentials: credentials),
            timeoutMilliseconds: 5000, logger: Logger(label: "marquee.test.scaling"))
        let joined = ContinuousClock.now
        while try await !JournalQAReports.all(control).contains(where: { $0.worker != "qa-1" }), ContinuousClock.now - joined < .seconds(120) {
            try await Task.sleep(for: .seconds(1))
        }
        try await scale(up, to: 1)
        try await up.waitFor("QA replicas 4 → 1", seconds: 60)
        let scaledDown = ContinuousClock.now
        let (observation, ended) = try await load.value

        let problems = LineCheck.problems(observation, scenarios: scenarios)
        #expect(problems.isEmpty, Comment(rawValue: problems.prefix(20).joined(separator: "\n")))
        #expect(scaledDown < ended, "the load ended before QA was scaled back to one replica; raise MARQUEE_SCALING_CAMPAIGNS")

        let reports = try await JournalQAReports.all(control)
        var reportsPerCampaign: [CampaignID: [QAReportReady]] = [:]
        for report in reports { reportsPerCampaign[report.campaignID, default: []].append(report) }
        var requested = 0
        for (campaign, facts) in observation.facts {
            let requests = facts.filter { $0.type == .qaRequested }.count
            requested += requests
            let got = reportsPerCampaign[campaign] ?? []
            #expect(got.count == requests, "\(campaign): \(requests) QA requests, \(got.count) reports")
            #expect(Set(got.map(\.documents)).count == got.count, "\(campaign) was reported twice on the same versions")
        }
        #expect(requested > scenarios.count / 2, "too few QA requests to tell: \(requested)")
        let workers = Set(reports.map(\.worker))
        #expect(workers.count >= 2, "the added replicas took no work: \(workers)")
        print("[qa scaling] \(scenarios.count) campaigns, \(requested) QA requests, \(reports.count) reports by \(workers.sorted())")
        try await up.interrupt()
        #expect(up.terminationStatus == 0)
    }

    /// `marquee scale qa N` against the running stack.
    private func scale(_ up: MarqueeUp, to replicas: Int) async throws {
        let scale = try await runToExit(
            lineProductsDirectory.appendingPathComponent("marquee"), ["scale", "qa", "\(replicas)", "--var", up.directory.path])
        #expect(scale.status == 0, "\(scale.stderr)")
    }
}
