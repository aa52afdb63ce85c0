import Bus
import Foundation
import Spawn

#if canImport(Glibc)
import Glibc
#endif

/// The processes of a `marquee up` stack, found by their `--data` directory, and ports for one.
public enum StackProcesses {
    /// Pid and data directory name (`bus`, `intake`, `qa-1`, …) of every process whose command line has
    /// `--data DIR/<name>` under `directory`.
    public static func children(of directory: URL) -> [(pid: Int32, name: String)] {
        let prefix = "--data \(directory.path)/"
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap(Int32.init).compactMap { pid in
            // procfs files have no size: read to the end instead of trusting stat. The throwing read: a process
            // that ends meanwhile fails it (ESRCH), which the legacy `readDataToEndOfFile()` turns into a crash.
            guard let handle = FileHandle(forReadingAtPath: "/proc/\(pid)/cmdline") else { return nil }
            defer { try? handle.close() }
            guard let data = try? handle.readToEnd() else { return nil }
            let line = String(decoding: data.map { $0 == 0 ? 32 : $0 }, as: UTF8.self)
            guard let range = line.range(of: prefix) else { return nil }
            return (pid, String(line[range.upperBound...].prefix { $0 != " " }))
        }
    }

    /// A base port whose offsets `marquee up` uses (1…4, 80…88, 91…95) are free on loopback now.
    public static func freeBasePort() throws -> Int {
        for _ in 0..<50 {
            // Below Linux's ephemeral range (32768-60999), where other tests' connections and port-0 binds would
            // take ports between this check and the stack binding them.
            let base = Int.random(in: 20_000...32_600)
            let offsets = Array(1...4) + Array(80...88) + Array(91...95)
            if offsets.allSatisfy({ isFree(base + $0) }) { return base }
        }
        throw LineHarnessError("no free base port found")
    }

    private static func isFree(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }
}

/// `marquee up` started as a child of the test, its output in a file; killed when dropped.
public final class MarqueeUp: @unchecked Sendable {  // driven by one test task
    public let directory: URL
    public let basePort: Int
    let output: URL
    let process: SpawnedProcess

    /// Starts `marquee up --var <new temp dir> --base-port <free> --no-demo` plus `arguments`, and waits until
    /// it says everything runs.
    public init(_ arguments: [String] = [], timeoutSeconds: Double = 240) async throws {
        directory = LineCluster.scratchRoot.appendingPathComponent("marquee-up-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        output = directory.appendingPathComponent("up.out")
        try Data().write(to: output)
        basePort = try StackProcesses.freeBasePort()
        let handle = try FileHandle(forWritingTo: output)
        defer { try? handle.close() }
        process = try SpawnedProcess(
            lineProductsDirectory.appendingPathComponent("marquee"),
            ["up", "--var", directory.path, "--base-port", "\(basePort)", "--no-demo"] + arguments, stdout: handle,
            stderr: handle)
        try await waitFor("Ctrl-C stops everything.", seconds: timeoutSeconds)
    }

    public func endpoint(_ offset: Int) -> String { "tcp://127.0.0.1:\(basePort + offset)" }

    /// The CURVE credentials of `identity` from the keys the first run generated; nil for an `--insecure` stack.
    public func credentials(as identity: String = "ops") throws -> BusCredentials? {
        let keys = directory.appendingPathComponent("keys")
        guard FileManager.default.fileExists(atPath: keys.path) else { return nil }
        return try BusCredentials.load(
            serverKeyFile: keys.appendingPathComponent("bus.key").path, secretKeyFile: keys.appendingPathComponent("\(identity).secret").path)
    }

    /// What `marquee up` printed so far.
    public var text: String { (try? String(contentsOf: output, encoding: .utf8)) ?? "" }

    public var isRunning: Bool { process.isRunning }
    /// Its exit status once it has ended.
    public var terminationStatus: Int32? { process.status }

    /// Waits until the output contains `needle`.
    public func waitFor(_ needle: String, seconds: Double = 60) async throws {
        let deadline = Date().addingTimeInterval(seconds)
        while !text.contains(needle) {
            guard Date() < deadline, process.isRunning else {
                throw LineHarnessError("no '\(needle)' from marquee up:\n\(text)\(logTails)")
            }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    /// The last lines of every child's log, for failure messages.
    var logTails: String {
        let logs = directory.appendingPathComponent("logs")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: logs.path)) ?? []).sorted()
        return names.map { name in
            let data = (try? Data(contentsOf: logs.appendingPathComponent(name))) ?? Data()
            return "\n--- \(name):\n" + String(decoding: data.suffix(1_500), as: UTF8.self)
        }.joined()
    }

    /// SIGINT, and waits up to `seconds` for the exit.
    public func interrupt(seconds: Double = 30) async throws {
        process.terminate(SIGINT)
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline { try await Task.sleep(for: .milliseconds(100)) }
    }

    deinit {
        process.terminate(SIGKILL)
        for child in StackProcesses.children(of: directory) { kill(child.pid, SIGKILL) }
        if ProcessInfo.processInfo.environment["MARQUEE_KEEP_E2E"] == nil { try? FileManager.default.removeItem(at: directory) }
    }
}
