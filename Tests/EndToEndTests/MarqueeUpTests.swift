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
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("marquee-up-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("up.out")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: output.path, contents: nil)
        let up = Process()
        up.executableURL = productsDirectory.appendingPathComponent("marquee")
        up.arguments = [
            "up", "--var", directory.path, "--base-port", "\(try Self.freeBasePort())", "--qa-replicas", "1", "--no-demo",
        ]
        up.standardOutput = try FileHandle(forWritingTo: output)
        up.standardError = up.standardOutput
        try up.run()
        defer {
            if up.isRunning { kill(up.processIdentifier, SIGKILL) }
            for pid in Self.children(of: directory) { kill(pid, SIGKILL) }
        }
        func text() -> String { (try? String(contentsOf: output, encoding: .utf8)) ?? "" }
        func waitFor(_ needle: String, seconds: Double = 60) async throws {
            let deadline = Date().addingTimeInterval(seconds)
            while !text().contains(needle) {
                guard Date() < deadline, up.isRunning else {
                    throw ProcessTimeout(description: "no '\(needle)' from marquee up:\n\(text())")
                }
                try await Task.sleep(for: .milliseconds(100))
            }
        }

        try await waitFor("Ctrl-C stops everything.")
        #expect(Self.children(of: directory).count == 7, "bus, 4 stations, reporting, 1 QA replica")
        let replica = try #require(Self.children(of: directory, matching: "/qa-1").first)
        kill(replica, SIGKILL)
        try await waitFor("restarted marquee-qa-1")
        #expect(Self.children(of: directory, matching: "/qa-1").first.map { $0 != replica } == true)

        let scale = Process()
        scale.executableURL = productsDirectory.appendingPathComponent("marquee")
        scale.arguments = ["scale", "qa", "2", "--var", directory.path]
        try scale.run()
        scale.waitUntilExit()
        #expect(scale.terminationStatus == 0)
        try await waitFor("QA replicas 1 → 2")
        #expect(Self.children(of: directory, matching: "/qa-2").count == 1)

        kill(up.processIdentifier, SIGINT)
        let deadline = Date().addingTimeInterval(30)
        while up.isRunning, Date() < deadline { try await Task.sleep(for: .milliseconds(100)) }
        #expect(!up.isRunning)
        #expect(up.terminationStatus == 0, "\(text())")
        #expect(text().contains("stopped marquee-bus"))
        #expect(Self.children(of: directory).isEmpty, "children left running")
    }

    /// A base port whose offsets `marquee up` uses (1…4, 80…86, 91…93) are free on loopback now.
    static func freeBasePort() throws -> Int {
        for _ in 0..<50 {
            let base = Int.random(in: 20_000...55_000)
            let offsets = Array(1...4) + Array(80...86) + Array(91...93)
            if offsets.allSatisfy({ isFree(base + $0) }) { return base }
        }
        throw ProcessTimeout(description: "no free base port found")
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

    /// Pids of processes whose command line names a path under `directory` (and contains `matching`).
    static func children(of directory: URL, matching: String = "") -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap(Int32.init).filter { pid in
            // procfs files have no size: read to the end instead of trusting stat.
            guard let data = FileHandle(forReadingAtPath: "/proc/\(pid)/cmdline")?.readDataToEndOfFile() else { return false }
            let line = String(decoding: data.map { $0 == 0 ? 32 : $0 }, as: UTF8.self)
            return line.contains("--data \(directory.path)") && (matching.isEmpty || line.contains(matching))
        }
    }
}
