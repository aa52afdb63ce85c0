import Foundation
import LineEndToEndSupport
import Synchronization

/// A `marquee` CLI process (built beside `marquee-bus`) pointed at a `BusProcess`, its standard output
/// collected line by line while it runs.
final class MarqueeProcess: Sendable {
    private let process: Process
    private let captured = CapturedOutput()

    /// Starts `marquee ARGUMENTS --ingress … --fanout … --control …` (plus `--group-endpoint` for `work`).
    init(_ arguments: [String], bus: BusProcess) throws {
        process = Process()
        process.executableURL = lineProductsDirectory.appendingPathComponent("marquee")
        var endpoints = ["--ingress", bus.ingress, "--fanout", bus.fanout, "--control", bus.control]
        if arguments.first == "work" { endpoints += ["--group-endpoint", bus.group] }
        process.arguments = arguments + endpoints
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = stdout
        process.standardError = stderr
        stdout.fileHandleForReading.readabilityHandler = { [captured] handle in
            let data = handle.availableData
            guard !data.isEmpty else {
                handle.readabilityHandler = nil
                return captured.closed()
            }
            captured.output.withLock { state in
                let text = state.partial + String(decoding: data, as: UTF8.self)
                var parts = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                state.partial = parts.removeLast()
                state.lines += parts
            }
        }
        stderr.fileHandleForReading.readabilityHandler = { [captured] handle in
            let data = handle.availableData
            guard !data.isEmpty else {
                handle.readabilityHandler = nil
                return captured.closed()
            }
            captured.errors.withLock { $0.append(data) }
        }
        try process.run()
    }

    /// Runs `marquee ARGUMENTS` to its end; returns its exit status, output lines and standard error.
    static func run(_ arguments: [String], bus: BusProcess) async throws -> (status: Int32, lines: [String], errors: String) {
        let command = try MarqueeProcess(arguments, bus: bus)
        let status = await command.exit()
        return (status, command.lines, command.errorText)
    }

    /// The complete lines written so far.
    var lines: [String] { captured.output.withLock { $0.lines } }

    var errorText: String { String(decoding: captured.errors.withLock { $0 }, as: UTF8.self) }

    var isRunning: Bool { process.isRunning }

    /// SIGKILL: no LEAVE, no flush; the broker finds out by the silence.
    func kill9() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    /// SIGTERM and wait for the exit.
    func stop() async -> Int32 {
        if process.isRunning { process.terminate() }
        return await exit()
    }

    /// Waits for the process to end and for its output to be read; returns its exit status. A cancelled
    /// wait kills the process. Output is awaited for at most 2 s after the exit: a process started in
    /// parallel (a broker of another test) may have inherited the pipes and keep them open.
    func exit() async -> Int32 {
        while process.isRunning {
            if Task.isCancelled { kill9() }
            await pause(milliseconds: 20)
        }
        let deadline = ContinuousClock.now + .seconds(2)
        while captured.closedPipes.load(ordering: .sequentiallyConsistent) < 2, ContinuousClock.now < deadline {
            await pause(milliseconds: 20)
        }
        return process.terminationStatus
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}

/// What a process wrote, filled from the pipes' reading threads.
private final class CapturedOutput: Sendable {
    let output = Mutex<(lines: [String], partial: String)>(([], ""))
    let errors = Mutex(Data())
    /// Pipes read to their end (standard output and standard error).
    let closedPipes = Atomic<Int>(0)

    func closed() {
        closedPipes.add(1, ordering: .sequentiallyConsistent)
    }
}
