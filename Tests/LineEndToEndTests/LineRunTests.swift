import Domain
import Foundation
import LineEndToEndSupport
import Testing

/// The real line: `marquee-bus` and the four station executables on loopback, driven by people played
/// from the test process. Sizes: `MARQUEE_LINE_CAMPAIGNS` campaigns in the clean run (default 150) and
/// 30 % of that, at least 60, in the crash run. (A debug build on 2 busy cores moves ~2 campaigns/s, see
/// Benchmarks/line; the defaults keep each run around a minute.)
@Suite("LineEndToEnd: the whole line as processes", .serialized)
struct LineRunTests {
    /// Every scenario against the pure Domain first: the expectations the runs are held to must themselves
    /// end where the scripts say (closed, or cancelled where a scenario cancels).
    @Test("the scenario table ends every campaign closed or cancelled")
    func scenarioTable() {
        let scenarios = LineScenario.generate(count: max(1000, lineCampaignCount(default: 0)))
        for scenario in scenarios {
            let expected = LineModel.expected(scenario)
            #expect(expected.finalStage == (scenario.cancelAt == nil ? .closed : .cancelled), "\(scenario)")
        }
        guard scenarios.count >= 200 else { return }
        let all = scenarios.map(LineModel.expected)
        let types = Set(all.flatMap(\.factTypes))
        // The mix covers every fact type except qa_invalidated (a document revised after QA passed).
        #expect(types == Set(CampaignFactType.allCases).subtracting([.qaInvalidated]), "\(types)")
        let codes = Set(all.flatMap(\.rejections))
        #expect(codes == ["not_allowed", "reviewer_is_builder", "approver_is_requester"])
    }

    @Test("clean run: every campaign reaches its final state with exactly the expected facts")
    func cleanRun() async throws {
        let scenarios = LineScenario.generate(count: lineCampaignCount(default: 1000))
        let cluster = try LineCluster(clock: LineModel.start)
        defer { cluster.killAll() }
        try await cluster.startAll()
        let driver = LineDriver(
            ingress: cluster.ingress, fanout: cluster.fanout, control: cluster.control, scenarios: scenarios,
            setClock: { try cluster.setClock($0) })
        let started = ContinuousClock.now
        let observation = try await driver.run(timeout: .seconds(120 + scenarios.count))
        let elapsed = (ContinuousClock.now - started).seconds
        let problems = LineCheck.problems(observation, scenarios: scenarios)
        print("[LineEndToEnd] clean: \(LineCheck.summary(observation, scenarios: scenarios)); "
              + String(format: "%.1f s, %.1f campaigns/s", elapsed, Double(scenarios.count) / elapsed))
        #expect(problems.isEmpty, Comment(rawValue: problems.joined(separator: "\n") + "\n" + cluster.diagnostics()))
        for station in LineStation.allCases {
            #expect(cluster.stations[station]!.isRunning, "\(station) stopped")
            #expect(cluster.health(station)?.status == "ok", "\(station) health")
        }
        await cluster.shutdown()
    }

    @Test("crash run: each station SIGKILLed and restarted mid-run changes nothing")
    func crashRun() async throws {
        let scenarios = LineScenario.generate(count: lineCampaignCount(default: 1000))
        let expectedFacts = scenarios.reduce(0) { $0 + LineModel.expected($1).factTypes.count }
        let cluster = try LineCluster(clock: LineModel.start)
        defer { cluster.killAll() }
        try await cluster.startAll()
        let driver = LineDriver(
            ingress: cluster.ingress, fanout: cluster.fanout, control: cluster.control, scenarios: scenarios,
            setClock: { try cluster.setClock($0) })
        // Kill each station in turn at 1/6, 2/6, 3/6, 4/6 of the facts, and launch once more in the go-live storm.
        typealias Kill = (station: LineStation, due: @Sendable (LineProgress) -> Bool)
        var plan: [Kill] = []
        for (index, station) in LineStation.allCases.enumerated() {
            let threshold = expectedFacts * (index + 1) / 6
            plan.append((station, { progress in progress.facts >= threshold || progress.phase > 0 }))
        }
        plan.append((.launch, { progress in progress.phase >= 1 }))
        let killPlan = plan
        let chaos = Task { () -> [String] in
            var log: [String] = []
            for (station, due) in killPlan {
                while !due(driver.progress) {
                    if Task.isCancelled { return log }
                    try? await Task.sleep(for: .milliseconds(20))
                }
                let at = driver.progress
                do {
                    cluster.kill9(station)
                    await pause(milliseconds: 300)
                    try await cluster.start(station)
                    log.append("\(station) killed at \(at.facts) facts (phase \(at.phase)) and restarted")
                } catch {
                    log.append("\(station) restart failed: \(error)")
                }
            }
            return log
        }
        let observation = try await driver.run(timeout: .seconds(150 + scenarios.count))
        chaos.cancel()
        let kills = await chaos.value
        let problems = LineCheck.problems(observation, scenarios: scenarios)
        print("[LineEndToEnd] crash: \(LineCheck.summary(observation, scenarios: scenarios)); \(kills)")
        #expect(kills.count == plan.count && !kills.contains { $0.contains("failed") }, "\(kills)")
        #expect(problems.isEmpty, Comment(rawValue: problems.joined(separator: "\n") + "\n" + cluster.diagnostics()))
        for station in LineStation.allCases {
            #expect(cluster.health(station)?.status == "ok", "\(station) health")
        }
        await cluster.shutdown()
    }
}
