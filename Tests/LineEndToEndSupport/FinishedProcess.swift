import Foundation
import Spawn

#if canImport(Glibc)
import Glibc
#endif

/// What a finished process printed and how it ended.
public struct FinishedProcess: Sendable {
    public let status: Int32
    public let stdout: String
    public let stderr: String
}

/// Runs `executable` with `arguments` (and `environment`, else this process's) to its end and returns what it
/// printed. Its output goes to temp files, so a chatty process never blocks on a full pipe, and the wait polls
/// without holding a cooperative thread. A process still running after `timeoutSeconds` is killed (its status
/// then says so).
public func runToExit(
    _ executable: URL, _ arguments: [String], environment: [String: String]? = nil, timeoutSeconds: Double = 60
) async throws -> FinishedProcess {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("marquee-run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let outputs = [directory.appendingPathComponent("stdout"), directory.appendingPathComponent("stderr")]
    let handles = try outputs.map { url in
        try Data().write(to: url)
        return try FileHandle(forWritingTo: url)
    }
    defer { for handle in handles { try? handle.close() } }
    let process = try SpawnedProcess(
        executable, arguments, environment: environment, stdout: handles[0], stderr: handles[1])
    let deadline = ContinuousClock.now + .seconds(timeoutSeconds)
    while process.isRunning, ContinuousClock.now < deadline { await pause(milliseconds: 10) }
    process.terminate(SIGKILL)
    let status = process.waitUntilExit()  // it has ended or was just killed: returns at once
    let printed = outputs.map { (try? String(contentsOf: $0, encoding: .utf8)) ?? "" }
    return FinishedProcess(status: status, stdout: printed[0], stderr: printed[1])
}
