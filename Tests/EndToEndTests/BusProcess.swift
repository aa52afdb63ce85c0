import Foundation
import LineEndToEndSupport

/// A `marquee-bus` executable started on loopback with a temp journal, restartable on the same ports,
/// and always terminated.
final class BusProcess: @unchecked Sendable {  // used from one test task at a time
    let directory: URL
    let ports: [Int]
    private(set) var process: Process?
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

    /// Starts the broker and waits for its ready line (reading on a thread of its own, off the cooperative pool).
    /// Plain TCP (`--insecure`) unless the arguments give `--security FILE`. Its log goes to `bus.err` in its
    /// directory (``stderrTail(_:)``): a broker holding the test runner's own stderr would keep `swift test`
    /// waiting for it after a crash of the test process.
    func start() async throws {
        let process = Process()
        process.executableURL = lineProductsDirectory.appendingPathComponent("marquee-bus")
        process.arguments = [
            "--data", directory.appendingPathComponent("journal").path, "--ingress", ingress, "--fanout", fanout,
            "--control", control, "--group", group, "--log-level", "warning",
        ] + extraArguments + (extraArguments.contains("--security") ? [] : ["--insecure"])
        let output = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        let log = directory.appendingPathComponent("bus.err")
        if !FileManager.default.fileExists(atPath: log.path) { try Data().write(to: log) }
        let errors = try FileHandle(forWritingTo: log)
        try errors.seekToEnd()
        process.standardError = errors
        try process.run()
        try errors.close()
        self.process = process
        let handle = output.fileHandleForReading
        do {
            try await offThread { try waitForLine(startingWith: "marquee-bus ready", in: handle, timeoutSeconds: 30) }
        } catch {
            throw ProcessTimeout(description: "\(error); marquee-bus logged: \(stderrTail())")
        }
    }

    /// SIGKILL: no chance to flush or close anything.
    func kill9() {
        guard let process else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        self.process = nil
    }

    /// SIGTERM and wait: the graceful path.
    func stop() async -> Int32? {
        guard let process else { return nil }
        process.terminate()
        while process.isRunning { await pause(milliseconds: 20) }
        self.process = nil
        return process.terminationStatus
    }

    /// The last bytes the broker logged (every start), for failure messages.
    func stderrTail(_ bytes: Int = 2000) -> String {
        let data = (try? Data(contentsOf: directory.appendingPathComponent("bus.err"))) ?? Data()
        return String(decoding: data.suffix(bytes), as: UTF8.self)
    }

    deinit {
        if let process, process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: directory)
    }
}

struct ProcessTimeout: Error, CustomStringConvertible {
    let description: String
}

/// Reads `handle` until a line starting with `prefix` appears.
func waitForLine(startingWith prefix: String, in handle: FileHandle, timeoutSeconds: Double) throws {
    let deadline = Date().addingTimeInterval(timeoutSeconds)
    var buffer = Data()
    while Date() < deadline {
        let chunk = handle.availableData
        if chunk.isEmpty { throw ProcessTimeout(description: "the process ended before printing '\(prefix)'") }
        buffer.append(chunk)
        if String(decoding: buffer, as: UTF8.self).split(separator: "\n").contains(where: { $0.hasPrefix(prefix) }) {
            return
        }
    }
    throw ProcessTimeout(description: "no '\(prefix)' within \(timeoutSeconds) s")
}
