import Foundation
import Spawn
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Where `swift build` put the executables: `MARQUEE_BIN_DIR`, else the first directory above the running
/// binary (test bundle or bench executable) that holds `marquee-bus`.
public let lineProductsDirectory: URL = {
    if let override = ProcessInfo.processInfo.environment["MARQUEE_BIN_DIR"] { return URL(fileURLWithPath: override) }
    var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    while url.path != "/" {
        url = url.deletingLastPathComponent()
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("marquee-bus").path) { return url }
    }
    return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
}()

/// A failure of the harness (a process that did not start, a timeout), with the sentence saying why.
public struct LineHarnessError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// One child process with its output in files, always killed when dropped.
public final class ChildProcess: @unchecked Sendable {  // mutated only by the one task that owns the cluster
    public let name: String
    let executable: URL
    let logDirectory: URL
    private(set) var process: SpawnedProcess?
    private var starts = 0

    public init(name: String, executable: URL, logDirectory: URL) {
        self.name = name
        self.executable = executable
        self.logDirectory = logDirectory
    }

    public var isRunning: Bool { process?.isRunning ?? false }
    public var pid: Int32? { process?.pid }

    /// Starts the executable with `arguments` and waits for a stdout line starting with `readyPrefix`.
    /// Returns that line.
    @discardableResult
    public func start(_ arguments: [String], readyPrefix: String, timeoutSeconds: Double = 60) async throws -> String {
        starts += 1
        let stdoutURL = logDirectory.appendingPathComponent("\(name).\(starts).out")
        let stderrURL = logDirectory.appendingPathComponent("\(name).\(starts).err")
        try Data().write(to: stdoutURL)
        try Data().write(to: stderrURL)
        let output = try FileHandle(forWritingTo: stdoutURL)
        let errors = try FileHandle(forWritingTo: stderrURL)
        defer {
            try? output.close()
            try? errors.close()
        }
        let process = try SpawnedProcess(executable, arguments, stdout: output, stderr: errors)
        self.process = process
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        while Date() < deadline {
            let text = (try? String(contentsOf: stdoutURL, encoding: .utf8)) ?? ""
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix(readyPrefix) }) { return String(line) }
            if let status = process.status {
                throw LineHarnessError("\(name) exited (\(status)) before '\(readyPrefix)': \(tail(of: stderrURL))")
            }
            await pause(milliseconds: 20)
        }
        kill9()
        throw LineHarnessError("\(name): no '\(readyPrefix)' within \(timeoutSeconds) s: \(tail(of: stderrURL))")
    }

    /// SIGKILL and reap: no chance to flush or close anything.
    public func kill9() {
        guard let process else { return }
        process.terminate(SIGKILL)
        process.waitUntilExit()
        self.process = nil
    }

    /// SIGTERM, wait up to `seconds`, then SIGKILL. Returns the exit status of a graceful exit.
    @discardableResult
    public func stop(graceSeconds seconds: Double = 10) async -> Int32? {
        guard let process else { return nil }
        process.terminate()
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { await pause(milliseconds: 10) }
        if process.isRunning {
            kill9()
            return nil
        }
        self.process = nil
        return process.waitUntilExit()
    }

    /// The last bytes of the latest stderr file, for failure messages.
    public func stderrTail(_ bytes: Int = 2000) -> String {
        tail(of: logDirectory.appendingPathComponent("\(name).\(starts).err"), bytes: bytes)
    }

    private func tail(of url: URL, bytes: Int = 2000) -> String {
        guard let data = try? Data(contentsOf: url) else { return "" }
        return String(decoding: data.suffix(bytes), as: UTF8.self)
    }

    deinit {
        process?.terminate(SIGKILL)
    }
}

/// The four stations of the line.
public enum LineStation: String, CaseIterable, Sendable {
    case intake, build, approvals, launch
}

/// `marquee-bus` plus the four station executables on loopback, each with its own temp data directory,
/// sharing a file clock the test moves. Every process is killed when the cluster is dropped or ``shutdown()``
/// runs, whether the test passed or not.
public final class LineCluster: @unchecked Sendable {  // driven by one task at a time
    public let directory: URL
    public let clockFile: URL
    public let busPorts: [Int]
    public let bus: ChildProcess
    public private(set) var stations: [LineStation: ChildProcess] = [:]
    public private(set) var httpPorts: [LineStation: Int] = [:]
    public let tickMilliseconds: Int
    let keepDirectory: Bool

    public var ingress: String { "tcp://127.0.0.1:\(busPorts[0])" }
    public var fanout: String { "tcp://127.0.0.1:\(busPorts[1])" }
    public var control: String { "tcp://127.0.0.1:\(busPorts[2])" }
    public var group: String { "tcp://127.0.0.1:\(busPorts[3])" }

    /// A cluster in a new temp directory with the clock file set to `clock`.
    public init(clock: Date, tickMilliseconds: Int = 100, directory: URL? = nil) throws {
        self.directory = directory ?? Self.scratchRoot.appendingPathComponent("marquee-line-e2e-\(UUID().uuidString.prefix(8))")
        keepDirectory = ProcessInfo.processInfo.environment["MARQUEE_KEEP_E2E"] != nil
        try FileManager.default.createDirectory(at: self.directory, withIntermediateDirectories: true)
        clockFile = self.directory.appendingPathComponent("clock")
        busPorts = try loopbackFreePorts(4)
        self.tickMilliseconds = tickMilliseconds
        let logs = self.directory.appendingPathComponent("logs")
        try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
        bus = ChildProcess(
            name: "marquee-bus", executable: lineProductsDirectory.appendingPathComponent("marquee-bus"), logDirectory: logs)
        for station in LineStation.allCases {
            stations[station] = ChildProcess(
                name: "marquee-\(station.rawValue)",
                executable: lineProductsDirectory.appendingPathComponent("marquee-\(station.rawValue)"), logDirectory: logs)
        }
        try setClock(clock)
    }

    /// Where clusters put their journal and databases: `MARQUEE_E2E_TMP`, else `/dev/shm` (tmpfs: SQLite's and
    /// the journal's fsyncs cost nothing, so the run measures the line, not the disk; SIGKILL of a process
    /// loses nothing the page cache holds either way), else the temp directory.
    public static let scratchRoot: URL = {
        if let root = ProcessInfo.processInfo.environment["MARQUEE_E2E_TMP"] { return URL(fileURLWithPath: root) }
        if access("/dev/shm", W_OK) == 0 { return URL(fileURLWithPath: "/dev/shm") }
        return FileManager.default.temporaryDirectory
    }()

    /// Moves the stations' clock (an atomic rename, so no station reads half a file).
    public func setClock(_ date: Date) throws {
        let temp = directory.appendingPathComponent("clock.tmp")
        try Data((lineRFC3339(date) + "\n").utf8).write(to: temp)
        if rename(temp.path, clockFile.path) != 0 { throw LineHarnessError("cannot move the clock file") }
    }

    /// Whether this `marquee-bus` takes `--insecure` (CURVE builds require it or a security file).
    static let busTakesInsecure: Bool = {
        let help = FileManager.default.temporaryDirectory.appendingPathComponent("marquee-bus-help-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: help) }
        guard (try? Data().write(to: help)) != nil, let output = try? FileHandle(forWritingTo: help),
            let process = try? SpawnedProcess(lineProductsDirectory.appendingPathComponent("marquee-bus"), ["--help"], stdout: output)
        else { return false }
        try? output.close()
        process.waitUntilExit()  // a moment, once per test run
        return ((try? String(contentsOf: help, encoding: .utf8)) ?? "").contains("--insecure")
    }()

    /// Starts the broker (plain TCP on loopback).
    public func startBus(extra: [String] = []) async throws {
        var arguments = [
            "--data", directory.appendingPathComponent("journal").path, "--ingress", ingress, "--fanout", fanout,
            "--control", control, "--group", group, "--log-level", "warning",
        ] + extra
        if let flush = ProcessInfo.processInfo.environment["MARQUEE_E2E_BUS_FLUSH"] { arguments += ["--flush", flush] }
        if Self.busTakesInsecure { arguments.append("--insecure") }
        try await bus.start(arguments, readyPrefix: "marquee-bus ready")
    }

    /// The data directory of `station` (kept across restarts).
    public func dataDirectory(_ station: LineStation, suffix: String = "") -> URL {
        directory.appendingPathComponent("data-\(station.rawValue)\(suffix)")
    }

    /// Starts `station` on a fresh HTTP port; `dataSuffix` selects another data directory (a fresh rebuild).
    public func start(_ station: LineStation, dataSuffix: String = "") async throws {
        let port = try loopbackFreePorts(1)[0]
        let data = dataDirectory(station, suffix: dataSuffix)
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        try await stations[station]!.start(
            [
                "--bus-ingress", ingress, "--bus-fanout", fanout, "--bus-control", control, "--data", data.path,
                "--http", "127.0.0.1:\(port)", "--clock", "file:\(clockFile.path)", "--tick-ms", "\(tickMilliseconds)",
                "--log-level", "warning",
            ], readyPrefix: "marquee-\(station.rawValue) ready")
        httpPorts[station] = port
    }

    /// Starts the broker and every station.
    public func startAll() async throws {
        try await startBus()
        for station in LineStation.allCases { try await start(station) }
    }

    /// SIGKILL of `station` (its data directory stays).
    public func kill9(_ station: LineStation) { stations[station]!.kill9() }

    /// `GET /health` of `station`, decoded loosely.
    public func health(_ station: LineStation) -> LineHealth? {
        guard let port = httpPorts[station], stations[station]!.isRunning,
            let body = httpGet(port: port, path: "/health"),
            let json = try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]
        else { return nil }
        let inbox = (json["inbox_last_seq"] as? [String: Any] ?? [:]).compactMapValues { ($0 as? NSNumber)?.uint64Value }
        return LineHealth(
            status: json["status"] as? String ?? "", inboxLastSeq: inbox,
            outboxBacklog: (json["outbox_backlog"] as? NSNumber)?.intValue,
            busHead: (json["bus_head"] as? NSNumber)?.uint64Value)
    }

    /// Stops every process: stations first (SIGTERM, then SIGKILL after the grace), then the broker.
    public func shutdown() async {
        for station in LineStation.allCases { await stations[station]?.stop(graceSeconds: 5) }
        await bus.stop(graceSeconds: 5)
    }

    /// SIGKILL of every process, for cleanup that cannot wait (a `defer`); ``shutdown()`` is the graceful way.
    public func killAll() {
        for station in LineStation.allCases { stations[station]?.kill9() }
        bus.kill9()
    }

    /// The stderr tails of every process, for a failure message.
    public func diagnostics() -> String {
        ([bus] + LineStation.allCases.map { stations[$0]! }).map { "--- \($0.name) (running: \($0.isRunning))\n\($0.stderrTail(1500))" }
            .joined(separator: "\n")
    }

    deinit {
        killAll()
        if !keepDirectory { try? FileManager.default.removeItem(at: directory) }
    }
}

/// What `GET /health` reports.
public struct LineHealth: Sendable, Equatable {
    public var status: String
    public var inboxLastSeq: [String: UInt64]
    public var outboxBacklog: Int?
    public var busHead: UInt64?
}

/// Free TCP ports on loopback, found by binding port 0.
public func loopbackFreePorts(_ count: Int) throws -> [Int] {
    var sockets: [Int32] = []
    defer { sockets.forEach { close($0) } }
    return try (0..<count).map { _ in
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        sockets.append(fd)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard bound else { throw LineHarnessError("cannot bind a loopback port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// A blocking HTTP/1.0 GET on loopback; the body, or nil on any failure.
public func httpGet(port: Int, path: String, timeoutSeconds: Int = 3) -> String? {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = UInt16(port).bigEndian
    let connected = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
        }
    }
    guard connected else { return nil }
    let request = Array("GET \(path) HTTP/1.0\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8)
    guard request.withUnsafeBytes({ send(fd, $0.baseAddress, $0.count, 0) }) == request.count else { return nil }
    var response: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 8192)
    while true {
        let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if n <= 0 { break }
        response += buffer[0..<n]
    }
    let text = String(decoding: response, as: UTF8.self)
    guard text.hasPrefix("HTTP/1.") && text.split(separator: " ").dropFirst().first == "200",
        let split = text.range(of: "\r\n\r\n")
    else { return nil }
    return String(text[split.upperBound...])
}

/// `2026-03-02T08:00:00.000Z`.
public func lineRFC3339(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter.string(from: date)
}
