import Foundation
import LineEndToEndSupport

/// A `marquee-bus` executable started on loopback with a temp journal, restartable on the same ports,
/// and always terminated.
final class BusProcess: @unchecked Sendable {  // used from one test task at a time
    let directory: URL
    let ports: [Int]
    /// The broker process; its output goes to files in `directory`, not to the test runner's own streams.
    private let child: ChildProcess
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
        child = ChildProcess(
            name: "marquee-bus", executable: lineProductsDirectory.appendingPathComponent("marquee-bus"),
            logDirectory: directory)
    }

    /// Starts the broker and waits for its ready line. Plain TCP (`--insecure`) unless the arguments give
    /// `--security FILE`.
    func start() async throws {
        try await child.start(
            [
                "--data", directory.appendingPathComponent("journal").path, "--ingress", ingress, "--fanout", fanout,
                "--control", control, "--group", group, "--log-level", "warning",
            ] + extraArguments + (extraArguments.contains("--security") ? [] : ["--insecure"]),
            readyPrefix: "marquee-bus ready", timeoutSeconds: 30)
    }

    /// SIGKILL: no chance to flush or close anything.
    func kill9() {
        child.kill9()
    }

    /// SIGTERM and wait: the graceful path (SIGKILL only after a minute). Its exit status; nil when killed.
    func stop() async -> Int32? {
        await child.stop(graceSeconds: 60)
    }

    deinit {
        child.kill9()
        try? FileManager.default.removeItem(at: directory)
    }
}

struct ProcessTimeout: Error, CustomStringConvertible {
    let description: String
}

