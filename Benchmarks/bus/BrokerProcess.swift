import Bus
import Foundation

/// A `marquee-bus` child process bound to free loopback ports, its journal in a fresh temporary
/// directory that is removed when it stops.
final class BrokerProcess {
    let endpoints: BusEndpoints
    private let process: Process
    private let directory: URL
    private let exited: AsyncStream<Int32>

    /// Runs `body` against a new broker with the flush policy `flush` (`os` or `fsync`), then stops it.
    /// Plain TCP (`--insecure`) unless `security` names a security file.
    static func with<T: Sendable>(
        executable: String, flush: String, security: String? = nil, _ body: (BrokerProcess) async throws -> T
    ) async throws -> T {
        let broker = try await BrokerProcess(executable: executable, flush: flush, security: security)
        do {
            let result = try await body(broker)
            await broker.stop()
            return result
        } catch {
            await broker.stop()
            throw error
        }
    }

    /// Starts the broker and waits for its `marquee-bus ready ingress=… fanout=… control=…` line.
    private init(executable: String, flush: String, security: String?) async throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("marquee-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let any = "tcp://127.0.0.1:*"
        process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [
            "--data", directory.path, "--flush", flush, "--ingress", any, "--fanout", any, "--control", any, "--group", any,
            "--log-level", "warning",
        ] + (security.map { ["--security", $0] } ?? ["--insecure"])
        let output = Pipe()
        process.standardOutput = output
        let (exited, exit) = AsyncStream<Int32>.makeStream()
        process.terminationHandler = { process in
            exit.yield(process.terminationStatus)
            exit.finish()
        }
        self.exited = exited
        try process.run()
        let fd = output.fileHandleForReading.fileDescriptor
        let line = try await DedicatedThread.run(name: "bench-broker-ready") { try Self.readLine(fd) }
        var found: [String: String] = [:]
        for field in line.split(separator: " ") {
            let parts = field.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { found[String(parts[0])] = String(parts[1]) }
        }
        guard line.hasPrefix("marquee-bus ready"), let ingress = found["ingress"], let fanout = found["fanout"],
            let control = found["control"], let group = found["group"]
        else {
            process.terminate()
            throw BenchError("marquee-bus did not start: \(line)")
        }
        endpoints = BusEndpoints(ingress: ingress, fanout: fanout, control: control, group: group)
    }

    /// The broker's peak resident set size so far (`VmHWM`), in bytes.
    var peakResidentBytes: Int { statusKilobytes("VmHWM") * 1024 }

    /// The broker's resident set size now (`VmRSS`), in bytes.
    var residentBytes: Int { statusKilobytes("VmRSS") * 1024 }

    /// Sends SIGTERM, waits for the exit and removes the journal.
    func stop() async {
        if process.isRunning { process.terminate() }
        for await _ in exited {}
        try? FileManager.default.removeItem(at: directory)
    }

    private func statusKilobytes(_ field: String) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field + ":") })
        else { return 0 }
        return Int(line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first ?? "") ?? 0
    }

    /// Reads one line from `fd`, byte by byte (the broker writes nothing else to standard output).
    private static func readLine(_ fd: Int32) throws -> String {
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while read(fd, &byte, 1) == 1 {
            if byte == UInt8(ascii: "\n") { return String(decoding: bytes, as: UTF8.self) }
            bytes.append(byte)
        }
        throw BenchError("marquee-bus exited before it was ready")
    }
}
