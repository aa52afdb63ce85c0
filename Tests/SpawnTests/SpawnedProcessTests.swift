import Foundation
import Spawn
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite struct SpawnedProcessTests {
    static let shell = URL(fileURLWithPath: "/bin/sh")

    /// Runs `script` with `sh -c`, its standard output in a temp file; returns the status and the output.
    static func run(_ script: String, environment: [String: String]? = nil) throws -> (status: Int32, output: String) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("spawn-\(UUID().uuidString)")
        try Data().write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let handle = try FileHandle(forWritingTo: file)
        let child = try SpawnedProcess(Self.shell, ["-c", script], environment: environment, stdout: handle, stderr: handle)
        try handle.close()
        let status = child.waitUntilExit()
        return (status, try String(contentsOf: file, encoding: .utf8))
    }

    @Test func exitCodesAndOutputComeBack() throws {
        let run = try Self.run("echo hello; exit 3")
        #expect(run.status == 3 && run.output == "hello\n")
    }

    @Test func theEnvironmentIsTheOneGiven() throws {
        #expect(try Self.run("echo \"$GREETING\"", environment: ["GREETING": "hi"]).output == "hi\n")
    }

    /// Only standard input, output and error reach the child: a pipe this process holds does not.
    @Test func noOtherDescriptorIsInherited() throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        defer { for end in ends { close(end) } }
        let listed = try Self.run("ls /proc/self/fd").output.split(separator: "\n").compactMap { Int32($0) }
        #expect(!listed.contains(ends[0]) && !listed.contains(ends[1]), "\(listed) holds \(ends)")
        #expect(listed.contains(0) && listed.contains(1) && listed.contains(2))
    }

    @Test func aSignalEndsItAndIsItsStatus() throws {
        let child = try SpawnedProcess(Self.shell, ["-c", "sleep 30"])
        #expect(child.isRunning)
        child.terminate(SIGKILL)
        #expect(child.waitUntilExit() == 128 + SIGKILL)
        #expect(!child.isRunning && child.status == 128 + SIGKILL)
        child.terminate()  // reaped: nothing is signalled
    }

    /// A child of a thread that blocks or ignores SIGTERM still dies of it.
    @Test func signalsAreNotInheritedBlockedOrIgnored() throws {
        let previous = signal(SIGTERM, SIG_IGN)
        defer { signal(SIGTERM, previous) }
        var blocked = sigset_t()
        sigemptyset(&blocked)
        sigaddset(&blocked, SIGTERM)
        var old = sigset_t()
        pthread_sigmask(SIG_BLOCK, &blocked, &old)
        let child = try SpawnedProcess(Self.shell, ["-c", "exec sleep 30"])
        pthread_sigmask(SIG_SETMASK, &old, nil)
        usleep(100_000)
        child.terminate()
        #expect(child.waitUntilExit() == 128 + SIGTERM)
    }

    @Test func aMissingExecutableIsAnError() {
        #expect(throws: SpawnedProcess.SpawnError.self) {
            try SpawnedProcess(URL(fileURLWithPath: "/nonexistent/marquee"), [])
        }
    }
}
