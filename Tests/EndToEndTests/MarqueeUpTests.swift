import Foundation
import LineEndToEndSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `marquee up` as an operator uses it: the whole stack starts with the rules and CURVE keys its first run wrote,
/// a QA replica killed with -9 is restarted, `marquee scale qa 2` adds one, and SIGINT stops every child.
@Suite(.serialized, .timeLimit(.minutes(3))) struct MarqueeUpTests {
    @Test func upRestartsWhatDiesScalesQAAndStopsEverything() async throws {
        let up = try await MarqueeUp(["--qa-replicas", "1"])
        func pids(_ name: String) -> [Int32] { StackProcesses.children(of: up.directory).filter { $0.name == name }.map(\.pid) }
        #expect(Set(StackProcesses.children(of: up.directory).map(\.name))
                == ["bus", "intake", "build", "approvals", "launch", "reporting", "notify", "assistant", "gateway", "qa-1"])
        #expect(up.text.contains("admin login  admin / "), "\(up.text)")

        // The first run wrote the rules and the CURVE keys; only a client holding a key pair gets in.
        let keys = up.directory.appendingPathComponent("keys")
        for file in ["bus-security.yaml", "bus.secret", "gateway.secret", "ops.secret"] {
            let mode = try FileManager.default.attributesOfItem(atPath: keys.appendingPathComponent(file).path)[.posixPermissions] as? Int
            #expect(mode == 0o600, "\(file) has mode \(String(mode ?? 0, radix: 8))")
        }
        #expect(FileManager.default.fileExists(atPath: up.directory.appendingPathComponent("marquee.yaml").path))
        let bus = ["--ingress", up.endpoint(1), "--fanout", up.endpoint(2), "--control", up.endpoint(3)]
        #expect(try await marquee(["lag"] + bus + ["--bus-server-key", keys.appendingPathComponent("bus.key").path,
                                                   "--bus-key", keys.appendingPathComponent("ops.secret").path]) == 0)
        #expect(try await marquee(["lag"] + bus) != 0, "a client without keys was let in")

        // The assistant answers only a caller holding the token marquee up wrote.
        let assistant = ["ask", "what's due this week", "--assistant", "http://127.0.0.1:\(up.basePort + 85)"]
        #expect(try await marquee(assistant + ["--token-file", keys.appendingPathComponent("assistant.token").path]) == 0)
        #expect(try await marquee(assistant + ["--token-file", "/nonexistent"]) != 0, "the assistant answered without its token")

        let replica = try #require(pids("qa-1").first)
        kill(replica, SIGKILL)
        try await up.waitFor("restarted marquee-qa-1")
        #expect(pids("qa-1").count == 1 && pids("qa-1").first != replica)

        #expect(try await marquee(["scale", "qa", "2", "--var", up.directory.path]) == 0)
        try await up.waitFor("QA replicas 1 → 2")
        #expect(pids("qa-2").count == 1)

        try await up.interrupt()
        #expect(!up.isRunning)
        #expect(up.terminationStatus == 0, "\(up.text)")
        #expect(up.text.contains("stopped marquee-bus"))
        #expect(StackProcesses.children(of: up.directory).isEmpty, "children left running")
    }

    /// Runs the `marquee` CLI with `arguments`; its exit status.
    private func marquee(_ arguments: [String]) async throws -> Int32 {
        try await runToExit(lineProductsDirectory.appendingPathComponent("marquee"), arguments).status
    }
}
