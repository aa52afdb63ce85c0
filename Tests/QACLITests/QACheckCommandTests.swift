import Foundation
import LineEndToEndSupport
import Testing

/// `marquee qa check`, run as the built binary: exit codes (0 pass, 1 errors, 2 usage or unreadable input)
/// and the three output formats.
@Suite struct QACheckCommandTests {
    static let marquee = lineProductsDirectory.appendingPathComponent("marquee")

    /// `Tests/QAEngineTests/Fixtures`.
    static let fixtures = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("QAEngineTests/Fixtures")

    static let good = fixtures.appendingPathComponent("newsletter-good.html").path
    static let broken = fixtures.appendingPathComponent("newsletter-broken.html").path
    static let goodEnvelope = [
        "--subject", "Spring is here: 20% off for members", "--preheader",
        "Light shells, trail shoes and five walks for April.",
    ]

    typealias Run = FinishedProcess

    /// Runs `marquee qa check ARGUMENTS` to its end (colours decided by the terminal test alone).
    static func run(_ arguments: [String]) async throws -> Run {
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "NO_COLOR")
        return try await runToExit(marquee, ["qa", "check"] + arguments, environment: environment)
    }

    static func temporary(_ name: String, _ contents: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qa-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try Data(contents.utf8).write(to: url)
        return url.path
    }

    @Test func aCleanEmailPassesWithExitZero() async throws {
        let run = try await Self.run([Self.good] + Self.goodEnvelope)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("PASSED"))
        #expect(!run.stdout.contains("\u{1B}["), "no colours when stdout is not a terminal")
    }

    @Test func errorsFoundExitWithOne() async throws {
        let run = try await Self.run([Self.broken])
        #expect(run.status == 1)
        #expect(run.stdout.contains("FAILED"))
        #expect(run.stdout.contains("content.merge-tag") || run.stdout.contains("link."))
        #expect(run.stdout.contains("fix: "))
        #expect(!run.stdout.contains("\u{1B}["))
    }

    /// Usage errors, unreadable input, and nothing to check (no email, assets or audience list, or flags that
    /// need one of them without it).
    @Test(arguments: [
        [String](), ["--format", "xml", good], ["--bogus", good], [good, broken], ["--plan"], ["/nonexistent/email.html"],
        ["--format", "json"], ["--channel", "instagram"], ["--config", "rules.yaml"],
        ["--assets", "art", "--channel", "tiktok"], ["--assets", "art", "--plan", "utm.yaml"],
        ["--audience", "list.csv", "--subject", "Hello"],
    ])
    func usageAndUnreadableInputExitWithTwo(_ arguments: [String]) async throws {
        let run = try await Self.run(arguments)
        #expect(run.status == 2, "\(arguments): \(run.stdout)")
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("marquee qa check: "))
    }

    @Test func unreadableSideInputsExitWithTwo() async throws {
        #expect(try await Self.run([Self.good, "--plan", "/nonexistent/utm.yaml"]).status == 2)
        #expect(try await Self.run([Self.good, "--audience", "/nonexistent/list.csv"]).status == 2)
        #expect(try await Self.run([Self.good, "--assets", "/nonexistent/dir"]).status == 2)
        let badPlan = try Self.temporary("utm.yaml", "medium: [not, a, plan\n")
        #expect(try await Self.run([Self.good, "--plan", badPlan]).status == 2)
    }

    @Test func jsonHasTheVerdictAndFindings() async throws {
        let run = try await Self.run([Self.broken, "--format", "json"])
        #expect(run.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["verdict"] as? String == "failed")
        let email = try #require(object["email"] as? [String: Any])
        let findings = try #require(email["findings"] as? [[String: Any]])
        #expect(!findings.isEmpty)
        #expect(findings.allSatisfy { $0["rule"] is String && $0["severity"] is String && $0["fix"] is String })
        #expect((email["errors"] as? Int ?? 0) > 0)
    }

    @Test func htmlIsAStandalonePage() async throws {
        let run = try await Self.run([Self.broken, "--format=html"])
        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix("<!DOCTYPE html>"))
        #expect(run.stdout.contains("FAILED"))
        #expect(run.stdout.contains("<code>content.merge-tag</code>"))
        #expect(!run.stdout.contains("{{first_name}}<"), "finding text is escaped")
    }

    @Test func thePlanAudienceAndAssetsAreChecked() async throws {
        let plan = try Self.temporary("utm.yaml", "source: partner\nmedium: email\ncampaign: spring-26\n")
        let list = try Self.temporary(
            "list.csv", "email,consent\nana@mail.example.org,yes\nana@mail.example.org,yes\nnot-an-address,yes\n")
        let assets = URL(fileURLWithPath: try Self.temporary("hero.png", "this is not a png")).deletingLastPathComponent()
        let run = try await Self.run(
            [Self.good, "--plan", plan, "--audience", list, "--assets", assets.path, "--format", "json"] + Self.goodEnvelope)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let email = try #require(object["email"] as? [String: Any])
        let rules = (email["findings"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
        #expect(rules.contains("utm.mismatch") || rules.contains("utm.missing"), "\(rules)")
        let audience = try #require(object["audience"] as? [String: Any])
        #expect(audience["rows"] as? Int == 3)
        let assetReports = try #require(object["assets"] as? [[String: Any]])
        #expect(assetReports.first?["name"] as? String == "hero.png")
        #expect(assetReports.first?["verdict"] as? String == "failed")
        #expect(run.status == 1, "an unreadable asset is an error")
    }
}
