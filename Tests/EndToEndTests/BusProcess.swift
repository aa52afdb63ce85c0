import Foundation
import LineEndToEndSupport
import Spawn

/// A `marquee-bus` executable started on loopback with a temp journal, restartable on the same ports,
/// and always terminated.
final class BusProcess: @unchecked Sendable {  // used from one test task at a time
    let directory: URL
    let ports: [Int]
    private(set) var process: SpawnedProcess?
    private let extraArguments: [String]

    var ingress: String { "tcp://127.0.0.1:\(ports[0])" }
    var fanout: String { "tcp://127.0.0.1:\(ports[1])" }
    var control: String { "tcp://127.0.0.1:\(ports[2])" }
    var group: String { "tcp://127.0.0.1:\(ports[3])" }

    init(arguments: [String] = []) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("marquee-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        ports = try loopbackFreePorts(4)
        extraArguments = arguments
    }

    /// Starts the broker and waits for its ready line. Plain TCP (`--insecure`) unless the arguments give
    /// `--security FILE`. Its output goes to `bus.out` and `bus.err` in its directory (``stderrTail(_:)``), not to
    /// the test runner's own streams.
    func start() async throws {
        let output = directory.appendingPathComponent("bus.out")
        let log = directory.appendingPathComponent("bus.err")
        try Data().write(to: output)
        if !FileManager.default.fileExists(atPath: log.path) { try Data().write(to: log) }
        let stdout = try FileHandle(forWritingTo: output)
        let errors = try FileHandle(forWritingTo: log)
        try errors.seekToEnd()
        defer {
            try? stdout.close()
            try? errors.close()
        }
        let process = try SpawnedProcess(
            lineProductsDirectory.appendingPathComponent("marquee-bus"),
            [
                "--data", directory.appendingPathComponent("journal").path, "--ingress", ingress, "--fanout", fanout,
                "--control", control, "--group", group, "--log-level", "warning",
            ] + extraArguments + (extraArguments.contains("--security") ? [] : ["--insecure"]), stdout: stdout,
            stderr: errors)
        self.process = process
        let deadline = ContinuousClock.now + .seconds(30)
        while !((try? String(contentsOf: output, encoding: .utf8)) ?? "").contains("marquee-bus ready") {
            if let status = process.status {
                throw ProcessTimeout(description: "marquee-bus exited (\(status)) before it was ready: \(stderrTail())")
            }
            guard ContinuousClock.now < deadline else {
                throw ProcessTimeout(description: "no 'marquee-bus ready' within 30 s: \(stderrTail())")
            }
            await pause(milliseconds: 20)
        }
    }

    /// SIGKILL: no chance to flush or close anything.
    func kill9() {
        guard let process else { return }
        process.terminate(SIGKILL)
        process.waitUntilExit()
        self.process = nil
    }

    /// SIGTERM and wait: the graceful path.
    func stop() async -> Int32? {
        guard let process else { return nil }
        process.terminate()
        while process.isRunning { await pause(milliseconds: 20) }
        self.process = nil
        return process.status
    }

    /// The last bytes the broker logged (every start), for failure messages.
    func stderrTail(_ bytes: Int = 2000) -> String {
        let data = (try? Data(contentsOf: directory.appendingPathComponent("bus.err"))) ?? Data()
        return String(decoding: data.suffix(bytes), as: UTF8.self)
    }

    deinit {
        process?.terminate(SIGKILL)
        try? FileManager.default.removeItem(at: directory)
    }
}

struct ProcessTimeout: Error, CustomStringConvertible {
    let description: String
}

