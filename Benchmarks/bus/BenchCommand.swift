import ArgumentParser
import Foundation
import Logging

/// `marquee-bench`: the bus benchmark. Starts `marquee-bus` processes on loopback and prints one line per
/// measurement, as a ratio to the C baselines of `../shared/bench/run-baselines` when given their output
/// (`Benchmarks/run` does both in one run).
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "marquee-bench", abstract: "Benchmark the Marquee bus against peer baselines measured in the same run.")

    /// One group of measurements.
    enum Scenario: String, CaseIterable, ExpressibleByArgument {
        case acked, fanout, replay, paused, curve, groups
    }

    @Option(help: "Publishes per acked-publish and fan-out run (default 500000; 50000 with --quick).")
    var count: Int?

    @Option(help: "Journaled records to replay (default 1000000; 100000 with --quick).")
    var replayCount: Int?

    @Option(help: "Records published while the subscriber is paused (default 1000000; 100000 with --quick).")
    var pausedCount: Int?

    @Option(help: "Records per queue-group run (default 200000; 20000 with --quick).")
    var groupCount: Int?

    @Option(help: "Publishes in flight per publisher (Publisher window and raw DEALER).")
    var window = 4096

    @Flag(help: "Small sizes for a smoke run.")
    var quick = false

    @Option(help: "Which measurements to run (repeatable; default all).")
    var only: [Scenario] = []

    @Option(help: "Output of run-baselines to compare with (without it, no ratios are printed).")
    var baselines: String?

    @Option(help: "The marquee-bus executable (default: next to marquee-bench).")
    var bus: String?

    func validate() throws {
        for size in [count, replayCount, pausedCount, groupCount, window] {
            if let size, size <= 0 { throw ValidationError("sizes must be positive") }
        }
    }

    func run() async throws {
        try await measure()
    }

    /// Runs the selected measurements (what `run()` does; callable from a plain `main.swift`).
    func measure() async throws {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .warning
            return handler
        }
        let settings = BenchSettings(
            bus: bus ?? Self.siblingExecutable("marquee-bus"),
            baselines: try baselines.map { try Baselines(contentsOf: $0) } ?? Baselines(),
            count: count ?? (quick ? 50_000 : 500_000),
            replayCount: replayCount ?? (quick ? 100_000 : 1_000_000),
            pausedCount: pausedCount ?? (quick ? 100_000 : 1_000_000),
            groupCount: groupCount ?? (quick ? 20_000 : 200_000),
            window: window,
            logger: Logger(label: "marquee.bench"))
        Report.emit(
            "marquee-bench: 1KB messages on loopback, \(settings.count) publishes per run, window \(window), "
                + "\(ProcessInfo.processInfo.activeProcessorCount) cores")
        let scenarios = only.isEmpty ? Scenario.allCases : only
        for scenario in Scenario.allCases where scenarios.contains(scenario) {
            switch scenario {
            case .acked: try await AckedPublishBenchmark.run(settings)
            case .fanout: try await FanOutBenchmark.run(settings)
            case .replay: try await ReplayBenchmark.run(settings)
            case .paused: try await PausedSubscriberBenchmark.run(settings)
            case .curve: try await CurveBenchmark.run(settings)
            case .groups: try await GroupBenchmark.run(settings)
            }
        }
    }

    /// `name` in the directory of this executable.
    private static func siblingExecutable(_ name: String) -> String {
        let this = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return this.deletingLastPathComponent().appendingPathComponent(name).path
    }
}
