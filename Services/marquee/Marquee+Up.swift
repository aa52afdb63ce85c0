import ArgumentParser
import Dispatch
import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// `marquee up [--var DIR] [--base-port P] [--qa-replicas N] [--no-demo] [--insecure]`: the whole stack on this
/// machine as child processes — the broker, the four stations, N QA replicas, reporting and the gateway, each
/// with its own data directory under `DIR` — restarted with backoff when one dies, stopped cleanly on Ctrl-C.
/// The first run writes the rules (`DIR/marquee.yaml`) and the CURVE keys (`DIR/keys`, ``StackSecurity``) and
/// loads the demo campaigns. `marquee scale qa N --var DIR` changes the QA replicas while it runs.
struct UpCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "up",
        abstract: "Run the whole stack here: broker, stations, QA replicas, reporting, gateway; restart what dies; Ctrl-C stops it.")

    @Option(name: .customLong("var"), help: "Where the journal, databases and logs go.")
    var directory = "var"

    @Option(help: "Ports: the broker on P+1…P+4, its metrics on P+80, intake/build/approvals/launch on P+81…P+84, reporting on P+86, the gateway on P+88, QA replica i on P+90+i.")
    var basePort = 7700

    @Option(help: "QA checker replicas to start.")
    var qaReplicas = 1

    @Flag(help: "Do not load the demo campaigns on the first run.")
    var noDemo = false

    @Flag(help: "Run the broker on plain TCP without CURVE keys (development only).")
    var insecure = false

    @Option(help: "Where the marquee-* executables are (default: beside this one).")
    var bin: String?

    @Option(help: "The stations' clock: system, or file:PATH holding an RFC 3339 instant (rehearsals and tests).")
    var stationClock = "system"

    @Option(help: "How often the stations look at their clock, in milliseconds.")
    var tickMs = 1000

    func validate() throws {
        guard (1...60_000).contains(basePort) else { throw ValidationError("--base-port must be between 1 and 60000") }
        guard (0...9).contains(qaReplicas) else { throw ValidationError("--qa-replicas must be between 0 and 9") }
    }

    func run() async throws {
        let stack = StackLayout(
            directory: URL(fileURLWithPath: directory), basePort: basePort, insecure: insecure,
            stationFlags: ["--clock", stationClock, "--tick-ms", "\(tickMs)"],
            bin: bin.map { URL(fileURLWithPath: $0) } ?? URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
                .deletingLastPathComponent())
        try FileManager.default.createDirectory(at: stack.logs, withIntermediateDirectories: true)
        for line in try stack.prepare() { announce("marquee up: \(line)") }
        let stop = StopSignal()
        let supervisor = Supervisor(logs: stack.logs) { announce("marquee up: \($0)") }
        do {
            for child in stack.core { try await supervisor.start(child) }
            for replica in 1...max(qaReplicas, 1) where qaReplicas > 0 { try await supervisor.start(stack.qa(replica)) }
            try ScaleFile.write(qaReplicas, in: stack.directory)
        } catch {
            await supervisor.stopAll()
            throw error
        }
        announce(stack.summary(qaReplicas: qaReplicas))
        if let login = stack.gatewayAdminLogin() { announce("  admin login  \(login)") }
        let demo = noDemo ? nil : startDemo(stack)
        while !stop.requested {
            do {
                try supervisor.superviseOnce()
                try await scale(supervisor, stack)
            } catch {
                // A replica that did not come up is supervised like one that died; say so and go on.
                announce("marquee up: \(error)")
            }
            try? await Task.sleep(for: .milliseconds(200))
        }
        announce("marquee up: stopping")
        demo?.cancel()
        await supervisor.stopAll()
    }

    /// Starts or stops QA replicas until their number is what the scale file says.
    private func scale(_ supervisor: Supervisor, _ stack: StackLayout) async throws {
        guard let wanted = ScaleFile.read(in: stack.directory) else { return }
        let running = supervisor.names.filter { $0.hasPrefix("marquee-qa-") }.count
        if wanted > running {
            for replica in running + 1...wanted { try await supervisor.start(stack.qa(replica)) }
            announce("marquee up: QA replicas \(running) → \(wanted)")
        } else if wanted < running {
            for replica in (wanted + 1...running).reversed() { await supervisor.stop("marquee-qa-\(replica)") }
            announce("marquee up: QA replicas \(running) → \(wanted)")
        }
    }

    /// The demo campaigns, once per data directory.
    private func startDemo(_ stack: StackLayout) -> Task<Void, Never>? {
        let marker = stack.directory.appendingPathComponent("demo-loaded")
        guard !FileManager.default.fileExists(atPath: marker.path) else { return nil }
        return Task {
            do {
                let demo = try DemoCommand.parse(["--count", "12", "--interval", "0.3"] + stack.busFlags(cli: true))
                try await demo.run()
                try Data().write(to: marker)
            } catch {
                announce("marquee up: demo campaigns not loaded: \(error)")
            }
        }
    }
}

/// Writes `line` to standard output at once (a log file or pipe would otherwise hold it in a buffer).
private func announce(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

/// `marquee scale qa N [--var DIR]`: tells the running `marquee up` how many QA replicas to run.
struct ScaleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scale", abstract: "Change the number of QA replicas of a running `marquee up`.")

    @Argument(help: "The service to scale (only `qa` scales: the stations are one process each).")
    var service: String

    @Argument(help: "How many replicas.")
    var replicas: Int

    @Option(name: .customLong("var"), help: "The directory `marquee up` runs in.")
    var directory = "var"

    func validate() throws {
        guard service == "qa" else { throw ValidationError("only qa scales; the stations keep one process each") }
        guard (0...9).contains(replicas) else { throw ValidationError("replicas must be between 0 and 9") }
    }

    func run() throws {
        let url = URL(fileURLWithPath: directory)
        guard FileManager.default.fileExists(atPath: url.appendingPathComponent("logs").path) else {
            throw CommandFailure("no `marquee up` data in \(directory)")
        }
        try ScaleFile.write(replicas, in: url)
        print("asked for \(replicas) QA replicas; `marquee up` applies it within a second")
    }
}

/// The wanted number of QA replicas, shared by `marquee scale` and `marquee up` through `DIR/qa-replicas`.
enum ScaleFile {
    static func write(_ replicas: Int, in directory: URL) throws {
        let temp = directory.appendingPathComponent("qa-replicas.tmp")
        try Data("\(replicas)\n".utf8).write(to: temp)
        guard rename(temp.path, directory.appendingPathComponent("qa-replicas").path) == 0 else {
            throw CommandFailure("cannot write \(directory.path)/qa-replicas")
        }
    }

    static func read(in directory: URL) -> Int? {
        (try? String(contentsOf: directory.appendingPathComponent("qa-replicas"), encoding: .utf8))
            .flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }
}

/// Set once SIGINT or SIGTERM arrives.
final class StopSignal: @unchecked Sendable {  // the sources are only kept alive here; the flag is atomic
    private let flag = Atomic(false)
    private var sources: [any DispatchSourceSignal] = []

    init() {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [unowned self] in flag.store(true, ordering: .sequentiallyConsistent) }
            source.resume()
            sources.append(source)
        }
    }

    var requested: Bool { flag.load(ordering: .sequentiallyConsistent) }
}
