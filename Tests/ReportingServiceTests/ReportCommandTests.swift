import ArgumentParser
import Foundation
import Prometheus
import ReportingCLI
import ReportingFixtures
import ReportingService
import ServiceKit
import ServiceTestKit
import Testing

/// `marquee report …` against a live marquee-reporting endpoint on a free port.
@Suite struct ReportCommandTests {
    /// Runs `body` with the base URL of an endpoint serving the fixed history.
    static func withEndpoint(_ body: (String) async throws -> Void) async throws {
        let store = try await FoldedStore.fixedHistory()
        let (ready, announce) = AsyncStream.makeStream(of: String.self)
        let endpoint = ReportingEndpoint(
            host: "127.0.0.1", port: 0, registry: PrometheusCollectorRegistry(),
            health: ServiceHealth(service: "reporting", store: store, control: nil, logger: .quiet),
            routes: ReportingRoutes(store: store, rules: FixedHistory.rules, clock: WallClock { FixedHistory.at(23, 0) }, logger: .quiet),
            onReady: { announce.yield($0) }, logger: .quiet)
        let running = Running(endpoint)
        var addresses = ready.makeAsyncIterator()
        let address = try #require(await addresses.next())
        do {
            try await body("http://\(address)")
        } catch {
            try await running.stop()
            throw error
        }
        try await running.stop()
    }

    static func run(_ arguments: [String]) async throws {
        var command = try ReportCommand.parseAsRoot(arguments)
        guard var asyncCommand = command as? any AsyncParsableCommand else { return try command.run() }
        try await asyncCommand.run()
    }

    static func temporaryFile(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString)-\(name)").path
    }

    @Test func weeklyReportIsWrittenToTheFile() async throws {
        try await Self.withEndpoint { url in
            let out = Self.temporaryFile("week.csv")
            try await Self.run(["weekly", "--week", "2026-W47", "--format", "csv", "--out", out, "--reporting", url])
            let text = try String(contentsOfFile: out, encoding: .utf8)
            #expect(text.hasPrefix("section,name,metric,value\r\n"))
            #expect(text.contains("qa,first_pass,yield,0.5000\r\n"))
        }
    }

    @Test func kpiImportFailsWithTheBadRowsAndKeepsTheGoodOnes() async throws {
        try await Self.withEndpoint { url in
            let file = Self.temporaryFile("kpi.csv")
            try "date,channel,impressions,clicks,opens,conversions,spend,revenue\n2026-11-20,email,10,1,0,0,1,0\n2026-11-21,email,x,1,0,0,1,0\n"
                .write(toFile: file, atomically: true, encoding: .utf8)
            do {
                try await Self.run(["kpi", "import", file, "--campaign", "cmp-b", "--reporting", url])
                Issue.record("an import with a bad row succeeded")
            } catch {
                #expect("\(error)" == "1 bad row(s) in \(file); 1 good row(s) imported")
            }
            let out = Self.temporaryFile("b.json")
            try await Self.run(["campaign", "cmp-b", "--format", "json", "--out", out, "--reporting", url])
            #expect(try String(contentsOfFile: out, encoding: .utf8).contains("\"impressions\" : 10"))
        }
    }

    @Test func badArgumentsAreRefusedBeforeAnyRequest() {
        #expect(throws: (any Error).self) { _ = try ReportCommand.parseAsRoot(["weekly", "--week", "47"]) }
        #expect(throws: (any Error).self) { _ = try ReportCommand.parseAsRoot(["weekly", "--format", "pdf"]) }
        #expect(throws: (any Error).self) { _ = try ReportCommand.parseAsRoot(["campaign", "x", "--reporting", "ftp://x"]) }
    }
}
