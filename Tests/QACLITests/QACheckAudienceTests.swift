import Foundation
import LineEndToEndSupport
import Testing

/// `marquee qa check --audience`, run as the built binary: suppression lists (plain and CSV exports), the
/// policy file, the cleaned list and the counts in the output.
@Suite struct QACheckAudienceTests {
    static let list = """
        email,name,consent\r
        ann@brightline-goods.com,"Lee, Ann",yes\r
        ANN@brightline-goods.com,Ann again,yes\r
        bob@brightline-goods.com,Bob,yes\r
        carl@brightline-goods.com,Carl,yes\r
        dora@brightline-goods.com,Dora,no\r
        info@brightline-goods.com,Info desk,yes\r
        eve@brightline-goods.com,Eve,yes\r

        """

    /// A fresh directory holding `files` (name → contents).
    static func directory(_ files: [String: String]) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qa-cli-audience-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, contents) in files { try Data(contents.utf8).write(to: directory.appendingPathComponent(name)) }
        return directory
    }

    /// Runs the check on the good email with `arguments` (paths relative to `directory`) and JSON output.
    static func json(
        _ directory: URL, _ arguments: [String]
    ) async throws -> (status: Int32, audience: [String: Any], object: [String: Any]) {
        let run = try await QACheckCommandTests.run(
            [QACheckCommandTests.good, "--format", "json"] + QACheckCommandTests.goodEnvelope
                + arguments.map { $0.hasPrefix("-") ? $0 : directory.appendingPathComponent($0).path })
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stdout)\(run.stderr)")
        return (run.status, try #require(object["audience"] as? [String: Any]), object)
    }

    @Test func plainAndCSVSuppressionListsDropTheirAddresses() async throws {
        let directory = try Self.directory([
            "list.csv": Self.list,
            "unsubscribed.txt": "# unsubscribed in March\n\nBob@Brightline-Goods.com\nnot an address\n",
            "bounced.csv": "Status,Email Address\r\nhard,carl@brightline-goods.com\r\n",
            "complained.txt": "eve@brightline-goods.com\n",
        ])
        defer { try? FileManager.default.removeItem(at: directory) }
        let (status, audience, object) = try await Self.json(
            directory,
            ["--audience", "list.csv", "--unsubscribed", "unsubscribed.txt", "--bounced", "bounced.csv", "--complained",
             "complained.txt"])
        #expect(status == 0)
        #expect(audience["rows"] as? Int == 7 && audience["kept"] as? Int == 2 && audience["dropped"] as? Int == 5)
        let counts = try #require(audience["counts"] as? [String: Int])
        #expect(counts == [
            "audience.duplicate": 1, "audience.suppressed": 3, "audience.missing-consent": 1, "audience.role-address": 1,
        ])
        let lists = try #require(object["suppressions"] as? [[String: Any]])
        #expect(lists.map { $0["reason"] as? String } == ["unsubscribed", "bounced", "complained"])
        #expect(lists.map { $0["addresses"] as? Int } == [1, 1, 1])
        #expect(lists[0]["skipped_lines"] as? Int == 1)
        #expect(lists[0]["skipped"] as? [String] == ["line 4: \"not an address\" is not an email address"])
    }

    @Test func theCleanedListHoldsTheHeaderAndTheKeptRows() async throws {
        let directory = try Self.directory(["list.csv": Self.list, "unsubscribed.txt": "bob@brightline-goods.com\n"])
        defer { try? FileManager.default.removeItem(at: directory) }
        let (status, _, object) = try await Self.json(
            directory, ["--audience", "list.csv", "--unsubscribed", "unsubscribed.txt", "--cleaned", "cleaned.csv"])
        #expect(status == 0)
        let cleaned = directory.appendingPathComponent("cleaned.csv")
        #expect(object["cleaned"] as? String == cleaned.path)
        let expected = "email,name,consent\r\nann@brightline-goods.com,\"Lee, Ann\",yes\r\ncarl@brightline-goods.com,Carl,yes\r\n"
            + "info@brightline-goods.com,Info desk,yes\r\neve@brightline-goods.com,Eve,yes\r\n"
        #expect(try Data(contentsOf: cleaned) == Data(expected.utf8))
    }

    @Test func thePolicyFileSetsTheRulesAndItsSuppressionLists() async throws {
        let directory = try Self.directory([
            "list.csv": Self.list,
            "policy.yaml": """
                consent_column: null
                drop_role_addresses: true
                required_columns: [name]
                suppressions:
                  - {file: lists.d/complained.txt, reason: complained}
                """,
            "unsubscribed.txt": "ann@brightline-goods.com\n",
        ])
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("lists.d"), withIntermediateDirectories: true)
        try Data("dora@brightline-goods.com\n".utf8).write(to: directory.appendingPathComponent("lists.d/complained.txt"))
        let (status, audience, _) = try await Self.json(
            directory,
            ["--audience", "list.csv", "--audience-policy", "policy.yaml", "--unsubscribed", "unsubscribed.txt", "--cleaned",
             "out.csv"])
        #expect(status == 0)
        #expect(audience["counts"] as? [String: Int] == ["audience.suppressed": 3, "audience.role-address": 1])
        let expected = "email,name,consent\r\nbob@brightline-goods.com,Bob,yes\r\ncarl@brightline-goods.com,Carl,yes\r\n"
            + "eve@brightline-goods.com,Eve,yes\r\n"
        #expect(try Data(contentsOf: directory.appendingPathComponent("out.csv")) == Data(expected.utf8))
    }

    @Test(arguments: [
        ("consent_colum: null\n", "unknown key \"consent_colum\""),
        ("suppressions:\n  - {file: list.csv, reason: spam}\n", "reason must be unsubscribed, bounced or complained"),
        ("suppressions:\n  - {file: gone.txt, reason: bounced}\n", "cannot read bounced list"),
        ("strip_plus_tags: sometimes\n", "strip_plus_tags must be true or false"),
    ])
    func aBadPolicyFileExitsWithTwo(_ yaml: String, _ says: String) async throws {
        let directory = try Self.directory(["list.csv": Self.list, "policy.yaml": yaml])
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try await QACheckCommandTests.run([
            QACheckCommandTests.good, "--audience", directory.appendingPathComponent("list.csv").path, "--audience-policy",
            directory.appendingPathComponent("policy.yaml").path,
        ])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix("marquee qa check: audience policy "), "\(run.stderr)")
        #expect(run.stderr.contains(says), "\(run.stderr)")
    }

    @Test func badSuppressionAndCleanedArgumentsExitWithTwo() async throws {
        let directory = try Self.directory(["list.csv": Self.list, "ids.csv": "id,name\n1,Ann\n"])
        defer { try? FileManager.default.removeItem(at: directory) }
        let list = directory.appendingPathComponent("list.csv").path
        let good = QACheckCommandTests.good
        let gone = directory.appendingPathComponent("gone.txt").path
        let missing = try await QACheckCommandTests.run([good, "--audience", list, "--bounced", gone])
        #expect(missing.status == 2 && missing.stderr.contains("cannot read bounced list"), "\(missing.stderr)")
        let ids = directory.appendingPathComponent("ids.csv").path
        let noEmail = try await QACheckCommandTests.run([good, "--audience", list, "--unsubscribed", ids])
        #expect(noEmail.status == 2 && noEmail.stderr.contains("has no email column"), "\(noEmail.stderr)")
        let withoutList = try await QACheckCommandTests.run([good, "--unsubscribed", list])
        #expect(withoutList.status == 2 && withoutList.stderr.contains("--unsubscribed needs --audience"), "\(withoutList.stderr)")
        let overwrite = try await QACheckCommandTests.run([good, "--audience", list, "--cleaned", list])
        #expect(overwrite.status == 2 && overwrite.stderr.contains("must not overwrite"), "\(overwrite.stderr)")
        #expect(try String(contentsOfFile: list, encoding: .utf8) == Self.list)
    }

    @Test func theTextOutputCountsEveryRule() async throws {
        let directory = try Self.directory(["list.csv": Self.list, "unsubscribed.txt": "bob@brightline-goods.com\n"])
        defer { try? FileManager.default.removeItem(at: directory) }
        let cleaned = directory.appendingPathComponent("cleaned.csv").path
        let run = try await QACheckCommandTests.run(
            [QACheckCommandTests.good, "--audience", directory.appendingPathComponent("list.csv").path, "--unsubscribed",
             directory.appendingPathComponent("unsubscribed.txt").path, "--cleaned", cleaned] + QACheckCommandTests.goodEnvelope)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.contains("audience (7 rows, 4 kept, 3 dropped)"), "\(run.stdout)")
        for (rule, count) in [
            ("audience.duplicate", 1), ("audience.missing-consent", 1), ("audience.role-address", 1), ("audience.suppressed", 1),
        ] {
            #expect(lines.contains { $0.hasPrefix(rule + " ") && $0.hasSuffix(" \(count)") }, "\(rule) in \(run.stdout)")
        }
        #expect(lines.contains("unsubscribed list \(directory.appendingPathComponent("unsubscribed.txt").path): 1 address"))
        #expect(lines.contains("cleaned list: \(cleaned) (4 rows)"))
    }
}
