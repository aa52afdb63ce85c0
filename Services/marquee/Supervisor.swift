import Foundation
import Spawn

#if canImport(Glibc)
import Glibc
#endif

/// Runs the stack's processes as children of `marquee up`: starts each one, restarts one that dies with
/// exponential backoff (logged), and stops them all — newest first, the broker last — on request.
///
/// Each child writes to `<logs>/<name>.log`. A child counts as started when that log has its ready line
/// (`marquee-… ready`). The supervisor is driven from one task, which also reaps the children that exited.
final class Supervisor: @unchecked Sendable {  // mutated only by the task that runs `supervise()`
    /// What to run for one child.
    struct Child: Sendable {
        var name: String
        var executable: URL
        var arguments: [String]
        /// The line the process prints once it serves, e.g. `marquee-qa ready`.
        var ready: String
    }

    /// A child's state and its current process.
    private final class Running {
        let child: Child
        var process: SpawnedProcess?
        var restarts = 0
        var backoff = Duration.milliseconds(500)
        var startedAt = ContinuousClock.now
        var restartAt: ContinuousClock.Instant?
        var stopping = false

        init(_ child: Child) { self.child = child }
    }

    private let logs: URL
    private let say: @Sendable (String) -> Void
    private var children: [String: Running] = [:]
    private var order: [String] = []

    init(logs: URL, say: @escaping @Sendable (String) -> Void) {
        self.logs = logs
        self.say = say
    }

    /// The names of the children, in start order.
    var names: [String] { order }

    /// The pid of `name`'s current process, if it runs.
    func pid(of name: String) -> Int32? { children[name]?.process.map(\.pid) }

    /// Starts `child` and waits up to `timeout` for its ready line.
    func start(_ child: Child, timeout: Duration = .seconds(90)) async throws {
        let running = Running(child)
        children[child.name] = running
        order.append(child.name)
        try launch(running)
        try await waitUntilReady(running, timeout: timeout)
    }

    /// Stops `name` for good (SIGTERM, then SIGKILL after `grace`) and forgets it.
    func stop(_ name: String, grace: Duration = .seconds(10)) async {
        guard let running = children[name] else { return }
        running.stopping = true
        if let process = running.process { await terminate(process, grace: grace) }
        children[name] = nil
        order.removeAll { $0 == name }
        say("stopped \(name)")
    }

    /// Stops every child, newest first (the broker, started first, stops last).
    func stopAll() async {
        for name in order.reversed() { await stop(name) }
    }

    /// One round of supervision: reaps children that exited, restarts those whose backoff has passed.
    func superviseOnce() throws {
        for name in order {
            guard let running = children[name], !running.stopping, let status = running.process?.status else { continue }
            running.process = nil
            // A child that ran for a minute is healthy again: its next failure waits the shortest backoff.
            if ContinuousClock.now - running.startedAt > .seconds(60) { running.backoff = .milliseconds(500) }
            running.restartAt = .now + running.backoff
            say("\(name) exited with status \(status); restarting in \(running.backoff)")
            running.backoff = min(running.backoff * 2, .seconds(30))
        }
        for name in order {
            guard let running = children[name], let due = running.restartAt, due <= .now else { continue }
            running.restartAt = nil
            running.restarts += 1
            try launch(running)
            say("restarted \(name) (restart \(running.restarts), pid \(running.process?.pid ?? 0))")
        }
    }

    private func launch(_ running: Running) throws {
        let child = running.child
        let log = logs.appendingPathComponent("\(child.name).log")
        if !FileManager.default.fileExists(atPath: log.path) { _ = FileManager.default.createFile(atPath: log.path, contents: nil) }
        let handle = try FileHandle(forWritingTo: log)
        handle.seekToEndOfFile()
        defer { try? handle.close() }
        running.process = try SpawnedProcess(child.executable, child.arguments, stdout: handle, stderr: handle)
        running.startedAt = .now
    }

    private func waitUntilReady(_ running: Running, timeout: Duration) async throws {
        let log = logs.appendingPathComponent("\(running.child.name).log")
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            if text.contains(running.child.ready) { return }
            if let process = running.process, !process.isRunning {
                throw CommandFailure("\(running.child.name) exited before it was ready; see \(log.path)")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw CommandFailure("\(running.child.name) was not ready within \(timeout); see \(log.path)")
    }

    private func terminate(_ process: SpawnedProcess, grace: Duration) async {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = ContinuousClock.now + grace
        while process.isRunning, ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(20)) }
        process.terminate(SIGKILL)
        process.waitUntilExit()
    }
}
