import Foundation
import LineEndToEndSupport
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The chaos run (`make chaos` at full size): the whole stack under `marquee up` plays generated campaigns
/// while a random process — the broker included — is `kill -9`ed every few seconds and `marquee up` restarts
/// it. Every campaign must end in its expected state with exactly the facts the Domain predicts (so no
/// transition is duplicated or lost), and the run prints its figures.
@Suite("LineEndToEnd: chaos", .serialized, .timeLimit(.minutes(15)))
struct ChaosTests {
    /// `MARQUEE_CHAOS_CAMPAIGNS`, else 200.
    static let campaigns = Int(ProcessInfo.processInfo.environment["MARQUEE_CHAOS_CAMPAIGNS"] ?? "") ?? 200

    @Test func everyCampaignEndsRightWhileRandomProcessesAreKilled() async throws {
        let scenarios = LineScenario.generate(count: Self.campaigns)
        let clock = try StationClockFile()
        let up = try await MarqueeUp(["--qa-replicas", "1", "--station-clock", clock.flag, "--tick-ms", "100"])
        let driver = LineDriver(
            ingress: up.endpoint(1), fanout: up.endpoint(2), control: up.endpoint(3), credentials: try up.credentials(), scenarios: scenarios,
            setClock: clock.set)

        let chaos = Task { try await Self.killRandomly(up) }
        let started = ContinuousClock.now
        let observation = try await driver.run(timeout: .seconds(300 + scenarios.count))
        chaos.cancel()
        let kills = try await chaos.value
        let elapsed = (ContinuousClock.now - started).seconds

        let problems = LineCheck.problems(observation, scenarios: scenarios)
        let recoveries = kills.compactMap(\.recovery)
        print(String(
            format: "[chaos] %d campaigns in %.1f s; %d kills (%@); max recovery %.1f s; %@",
            scenarios.count, elapsed, kills.count, kills.map(\.name).joined(separator: ", "),
            recoveries.max() ?? 0, LineCheck.summary(observation, scenarios: scenarios)))
        #expect(problems.isEmpty, Comment(rawValue: problems.prefix(20).joined(separator: "\n") + "\n" + up.text))
        #expect(kills.count >= 3, "the run was too short to kill anything: \(kills.count) kills")
        #expect(kills.contains { $0.name == "bus" }, "the broker was never killed")
        #expect(recoveries.count == kills.count, "a killed process was not restarted: \(kills)")
        try await up.interrupt()
        #expect(up.terminationStatus == 0)
    }

    struct Kill: Sendable {
        var name: String
        /// Seconds until `marquee up` had the process running again.
        var recovery: Double?
    }

    /// Every 2–4 s: `kill -9` of a random child (the broker every third time), then waits for its replacement.
    static func killRandomly(_ up: MarqueeUp) async throws -> [Kill] {
        var kills: [Kill] = []
        while !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(Int.random(in: 2000...4000)))
            if Task.isCancelled { break }
            let children = StackProcesses.children(of: up.directory)
            let victim = kills.count % 3 == 1 ? children.first { $0.name == "bus" } : children.filter { $0.name != "bus" }.randomElement()
            guard let victim else { continue }
            kill(victim.pid, SIGKILL)
            let killed = ContinuousClock.now
            var kill = Kill(name: victim.name)
            while ContinuousClock.now - killed < .seconds(40) {
                if StackProcesses.children(of: up.directory).contains(where: { $0.name == victim.name && $0.pid != victim.pid }) {
                    kill.recovery = (ContinuousClock.now - killed).seconds
                    break
                }
                await pause(milliseconds: 50)
            }
            kills.append(kill)
        }
        return kills
    }
}
