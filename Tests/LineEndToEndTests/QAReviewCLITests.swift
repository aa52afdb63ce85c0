import Foundation
import LineEndToEndSupport
import Testing

/// The human QA step from the shell against the running line: `marquee demo` brings a campaign to
/// `qa_requested`, `marquee-qa` checks its email, and `marquee qa review` shows the checklist pre-filled
/// from that report, refuses the builder, and records the reviewer's checklist.
@Suite("LineEndToEnd: QA review from the CLI", .serialized, .timeLimit(.minutes(4)))
struct QAReviewCLITests {
    @Test func theChecklistIsPrefilledRefusesTheBuilderAndRecordsTheReviewer() async throws {
        let cluster = try LineCluster(clock: Date())
        defer { cluster.killAll() }
        try await cluster.startAll()
        let qa = ChildProcess(
            name: "marquee-qa", executable: lineProductsDirectory.appendingPathComponent("marquee-qa"),
            logDirectory: cluster.directory)
        defer { qa.kill9() }
        try await qa.start(
            [
                "--bus-ingress", cluster.ingress, "--bus-fanout", cluster.fanout, "--bus-control", cluster.control,
                "--bus-group", cluster.group, "--data", cluster.directory.appendingPathComponent("qa").path,
                "--http", "127.0.0.1:0", "--log-level", "warning",
            ], readyPrefix: "marquee-qa ready")
        let bus = ["--ingress", cluster.ingress, "--fanout", cluster.fanout, "--control", cluster.control]

        // The sixth demo campaign rests in qa_requested.
        let demo = try await runMarquee(["demo", "--count", "6"] + bus)
        #expect(demo.status == 0, "demo: \(demo.output)\(cluster.diagnostics())")
        let run = try #require(demo.output.firstMatch(of: /\((demo-[0-9a-f]+)-1…6\)/)?.1, "demo: \(demo.output)")
        let campaign = "\(run)-6"

        var shown = try await runMarquee(["qa", "review", campaign, "--as", "quinn"] + bus)
        let deadline = Date().addingTimeInterval(60)
        while !shown.output.contains("automated report by"), Date() < deadline, !Task.isCancelled {
            try await Task.sleep(for: .milliseconds(300))
            shown = try await runMarquee(["qa", "review", campaign, "--as", "quinn"] + bus)
        }
        #expect(shown.status == 0, "\(shown.output)")
        #expect(shown.output.contains("stage qa_requested"), "\(shown.output)")
        #expect(shown.output.contains("automated report by"), "\(shown.output)\(cluster.diagnostics())")
        // The demo email has no unsubscribe link: the content item is pre-filled as failed, with the rule.
        #expect(shown.output.contains("[FAIL] content"), "\(shown.output)")
        #expect(shown.output.contains("content.unsubscribe-missing"), "\(shown.output)")
        #expect(shown.output.contains("not recorded"), "\(shown.output)")

        let builder = try #require(shown.output.firstMatch(of: /built by ([a-z]+)/)?.1, "\(shown.output)")
        let byBuilder = try await runMarquee(
            ["qa", "review", campaign, "--as", String(builder), "--pass", "content", "--submit"] + bus)
        #expect(byBuilder.status == 1, "\(byBuilder.output)")
        #expect(byBuilder.output.contains("refused (reviewer_is_builder)") || byBuilder.output.contains("refused (missing_role)"),
                "\(byBuilder.output)")

        let unknown = try await runMarquee(["qa", "review", campaign, "--as", "quinn", "--pass", "tone"] + bus)
        #expect(unknown.status != 0)
        #expect(unknown.output.contains("unknown checklist item \"tone\""), "\(unknown.output)")

        let recorded = try await runMarquee(
            ["qa", "review", campaign, "--as", "quinn", "--pass", "content", "--submit"] + bus)
        #expect(recorded.status == 0, "\(recorded.output)")
        #expect(recorded.output.contains("qa_recorded → qa_passed"), "\(recorded.output)")
        await qa.stop(graceSeconds: 5)
        await cluster.shutdown()
    }
}

/// Runs the `marquee` CLI to its end; returns its exit status and its standard output and error together.
private func runMarquee(_ arguments: [String]) async throws -> (status: Int32, output: String) {
    let run = try await runToExit(lineProductsDirectory.appendingPathComponent("marquee"), arguments)
    return (run.status, run.stdout + run.stderr)
}
