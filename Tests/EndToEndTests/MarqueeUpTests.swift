import Foundation
import LineEndToEndSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `marquee up` as an operator uses it: the whole stack starts, a QA replica killed with -9 is restarted,
/// `marquee scale qa 2` adds one, and SIGINT stops every child.
@Suite(.serialized, .timeLimit(.minutes(3))) struct MarqueeUpTests {
    @Test func upRestartsWhatDiesScalesQAAndStopsEverything() async throws {
        let up = try await MarqueeUp(["--qa-replicas", "1"])
        func pids(_ name: String) -> [Int32] { StackProcesses.children(of: up.directory).filter { $0.name == name }.map(\.pid) }
        #expect(Set(StackProcesses.children(of: up.directory).map(\.name))
                == ["bus", "intake", "build", "approvals", "launch", "reporting", "notify", "gateway", "qa-1"])
        #expect(up.text.contains("admin login  admin / "), "\(up.text)")

        let replica = try #require(pids("qa-1").first)
        kill(replica, SIGKILL)
        try await up.waitFor("restarted marquee-qa-1")
        #expect(pids("qa-1").count == 1 && pids("qa-1").first != replica)

        let scale = Process()
        scale.executableURL = productsDirectory.appendingPathComponent("marquee")
        scale.arguments = ["scale", "qa", "2", "--var", up.directory.path]
        try scale.run()
        try await offThread { scale.waitUntilExit() }
        #expect(scale.terminationStatus == 0)
        try await up.waitFor("QA replicas 1 → 2")
        #expect(pids("qa-2").count == 1)

        try await up.interrupt()
        #expect(!up.isRunning)
        #expect(up.terminationStatus == 0, "\(up.text)")
        #expect(up.text.contains("stopped marquee-bus"))
        #expect(StackProcesses.children(of: up.directory).isEmpty, "children left running")
    }
}
