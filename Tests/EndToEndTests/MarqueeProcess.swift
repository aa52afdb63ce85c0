import Foundation
import LineEndToEndSupport
import Spawn
import Synchronization

/// A `marquee` CLI process (built beside `marquee-bus`) pointed at a `BusProcess`, its standard output read
/// line by line while it runs.
///
/// Its output goes to files, not pipes: a pipe read by a `FileHandle.readabilityHandler` can be closed under a
/// pending read when the process object goes away, and Foundation's `availableData` then stops the whole test
/// process with a fatal error.
final class MarqueeProcess: Sendable {
    private let process: SpawnedProcess
    private let directory: URL
    private let output: LineFile

    /// Starts `marquee ARGUMENTS --ingress … --fanout … --control …` (plus `--group-endpoint` for `work`).
    init(_ arguments: [String], bus: BusProcess) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("marquee-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let stdout = directory.appendingPathComponent("stdout")
        let stderr = directory.appendingPathComponent("stderr")
        try Data().write(to: stdout)
        try Data().write(to: stderr)
        output = LineFile(stdout)
        var endpoints = ["--ingress", bus.ingress, "--fanout", bus.fanout, "--control", bus.control]
        if arguments.first == "work" { endpoints += ["--group-endpoint", bus.group] }
        let handles = [try FileHandle(forWritingTo: stdout), try FileHandle(forWritingTo: stderr)]
        defer { for handle in handles { try? handle.close() } }
        process = try SpawnedProcess(
            lineProductsDirectory.appendingPathComponent("marquee"), arguments + endpoints, stdout: handles[0],
            stderr: handles[1])
    }

    /// Runs `marquee ARGUMENTS` to its end; returns its exit status, output lines and standard error.
    static func run(_ arguments: [String], bus: BusProcess) async throws -> (status: Int32, lines: [String], errors: String) {
        let command = try MarqueeProcess(arguments, bus: bus)
        let status = await command.exit()
        return (status, command.lines, command.errorText)
    }

    /// The complete lines written so far.
    var lines: [String] { output.lines }

    var errorText: String {
        (try? String(contentsOf: directory.appendingPathComponent("stderr"), encoding: .utf8)) ?? ""
    }

    var isRunning: Bool { process.isRunning }

    /// SIGKILL: no LEAVE, no flush; the broker finds out by the silence.
    func kill9() {
        process.terminate(SIGKILL)
    }

    /// SIGTERM and wait for the exit.
    func stop() async -> Int32 {
        process.terminate()
        return await exit()
    }

    /// Waits for the process to end; returns its exit status. A cancelled wait kills the process.
    func exit() async -> Int32 {
        while true {
            if let status = process.status { return status }
            if Task.isCancelled { kill9() }
            await pause(milliseconds: 20)
        }
    }

    deinit {
        process.terminate(SIGKILL)
        try? FileManager.default.removeItem(at: directory)
    }
}

/// A file another process appends to, read into complete lines: each call reads only what was added since.
private final class LineFile: Sendable {
    private let url: URL
    private let state = Mutex<(offset: UInt64, partial: [UInt8], lines: [String])>((0, [], []))

    init(_ url: URL) { self.url = url }

    var lines: [String] {
        state.withLock { state in
            guard let handle = try? FileHandle(forReadingFrom: url) else { return state.lines }
            defer { try? handle.close() }
            guard (try? handle.seek(toOffset: state.offset)) != nil, let data = try? handle.readToEnd(), !data.isEmpty
            else { return state.lines }
            state.offset += UInt64(data.count)
            var parts = (state.partial + data).split(separator: 0x0A, omittingEmptySubsequences: false)
            state.partial = Array(parts.removeLast())
            state.lines += parts.map { String(decoding: $0, as: UTF8.self) }
            return state.lines
        }
    }
}
