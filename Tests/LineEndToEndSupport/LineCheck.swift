import Contracts
import Domain
import Foundation

/// Compares what the line did with what the pure Domain says the scenarios must do.
public enum LineCheck {
    /// Every difference between `observation` and the expected runs of `scenarios`, as sentences (empty: all
    /// good). Dead letters are a problem unless `allowDeadLetters`.
    public static func problems(_ observation: LineObservation, scenarios: [LineScenario], allowDeadLetters: Bool = false)
        -> [String]
    {
        var problems: [String] = []
        if !observation.completed {
            var stages: [String: Int] = [:]
            for scenario in scenarios {
                stages[observation.finalStages[scenario.id]?.rawValue ?? "none", default: 0] += 1
            }
            problems.append("the run did not complete; stages: \(stages.sorted { $0.key < $1.key })")
        }
        for (id, version) in observation.duplicateVersions.prefix(10) {
            problems.append("\(id) version \(version) was decided twice (two event ids)")
        }
        for (id, version) in observation.gaps.prefix(10) { problems.append("\(id) version \(version) arrived out of order") }
        if !observation.publishFailures.isEmpty {
            problems.append("publishes failed: \(observation.publishFailures.prefix(5))")
        }
        if !observation.undecodable.isEmpty { problems.append("undecodable records on \(Set(observation.undecodable))") }
        if !allowDeadLetters, !observation.deadLetters.isEmpty {
            problems.append(
                "dead letters: \(observation.deadLetters.prefix(5).map { "\($0.originalTopic) \($0.reason.rawValue): \($0.detail)" })")
        }
        var expectedRejections: [String: Int] = [:]
        var mismatches = 0
        for scenario in scenarios {
            let expected = LineModel.expected(scenario)
            for code in expected.rejections { expectedRejections["\(scenario.id) \(code)", default: 0] += 1 }
            let facts = observation.facts[scenario.id] ?? []
            var byVersion: [Int: LineObservation.Fact] = [:]
            for fact in facts where byVersion[fact.version] == nil { byVersion[fact.version] = fact }
            let versions = byVersion.keys.sorted()
            let types = versions.compactMap { byVersion[$0]?.type }
            var problem: String?
            if versions != Array(1...max(1, versions.count)) || versions.isEmpty {
                problem = "\(scenario.id): versions \(versions.prefix(40)) are not 1…n"
            } else if types != expected.factTypes {
                problem = "\(scenario.id): facts \(types.map(\.rawValue)) != expected \(expected.factTypes.map(\.rawValue))"
            } else if observation.finalStages[scenario.id] != expected.finalStage {
                problem = "\(scenario.id): ended in \(observation.finalStages[scenario.id]?.rawValue ?? "nothing"), expected \(expected.finalStage.rawValue)"
            } else if byVersion[versions.count]?.stage != expected.finalStage {
                problem = "\(scenario.id): last fact says stage \(byVersion[versions.count]?.stage.rawValue ?? "?")"
            }
            if let problem {
                mismatches += 1
                if mismatches <= 10 { problems.append(problem) }
            }
        }
        if mismatches > 10 { problems.append("… \(mismatches) campaigns differ in all") }
        var observedRejections: [String: Int] = [:]
        for rejection in observation.rejections {
            observedRejections["\(rejection.campaignID) \(rejection.code)", default: 0] += 1
        }
        if observedRejections != expectedRejections {
            let unexpected = observedRejections.filter { expectedRejections[$0.key] != $0.value }.prefix(10)
            let missing = expectedRejections.filter { observedRejections[$0.key] != $0.value }.prefix(10)
            let messages = observation.rejections.filter { r in unexpected.contains { $0.key == "\(r.campaignID) \(r.code)" } }
                .prefix(5).map { "\($0.campaignID) \($0.commandType) in \($0.stage?.rawValue ?? "-"): \($0.message)" }
            problems.append("rejections differ; unexpected \(Array(unexpected)), missing \(Array(missing)); \(messages)")
        }
        return problems
    }

    /// Counts for a summary line.
    public static func summary(_ observation: LineObservation, scenarios: [LineScenario]) -> String {
        let facts = observation.facts.values.reduce(0) { $0 + $1.count }
        var stages: [String: Int] = [:]
        for stage in observation.finalStages.values { stages[stage.rawValue, default: 0] += 1 }
        let codes = Dictionary(grouping: observation.rejections, by: \.code).mapValues(\.count)
        let phases = observation.phaseSeconds.map { String(format: "%.1f", $0) }.joined(separator: "/")
        return "\(scenarios.count) campaigns, \(facts) facts, \(observation.published) published by the driver, "
            + "\(observation.repeatedIDs) re-published ids skipped, final \(stages.sorted { $0.key < $1.key }), "
            + "rejections \(codes.sorted { $0.key < $1.key }), phases done at \(phases) s"
    }
}

/// Runs blocking `body` on its own thread (waiting for a process, reading its output), off the cooperative pool.
public func offThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread { continuation.resume(with: Result { try body() }) }
        thread.start()
    }
}

/// Waits `milliseconds` between two polls, also when the task is cancelled (`Task.sleep` would return at once
/// and the polling loop would spin on a cooperative thread, starving every other test).
public func pause(milliseconds: Int) async {
    do {
        try await Task.sleep(for: .milliseconds(milliseconds))
    } catch {
        usleep(useconds_t(milliseconds * 1000))
    }
}

/// `MARQUEE_LINE_CAMPAIGNS`, else `fallback`.
public func lineCampaignCount(default fallback: Int) -> Int {
    ProcessInfo.processInfo.environment["MARQUEE_LINE_CAMPAIGNS"].flatMap(Int.init) ?? fallback
}
