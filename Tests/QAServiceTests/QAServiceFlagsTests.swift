import AudienceConfig
import Contracts
import Foundation
import QAEngine
import QAService
import Testing

/// `marquee-qa`'s own flags, `--audience-policy FILE` above all: read once, a bad file refused with a sentence
/// (which `QAService.main` prints before exiting with 2).
@Suite struct QAServiceFlagsTests {
    static func directory(_ files: [String: String]) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qa-flags-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, contents) in files { try Data(contents.utf8).write(to: directory.appendingPathComponent(name)) }
        return directory
    }

    @Test func theAudiencePolicyIsReadWithItsSuppressionLists() throws {
        let directory = try Self.directory([
            "policy.yaml": "consent_column: null\nsuppressions:\n  - {file: bounced.txt, reason: bounced}\n",
            "bounced.txt": "gone@brightline-goods.com\n",
        ])
        defer { try? FileManager.default.removeItem(at: directory) }
        let flags = try QAServiceFlags.parse(
            ["--data", "var/qa", "--audience-policy", directory.appendingPathComponent("policy.yaml").path, "--worker-id", "qa-7"],
            workerID: "qa-default")
        #expect(flags.rest == ["--data", "var/qa"] && flags.workerID == "qa-7" && flags.leaseMilliseconds == 30_000)
        let policy = try #require(flags.audiencePolicy?.policy)
        #expect(policy.consentColumn == nil)
        #expect(flags.audiencePolicy?.suppressions.map(\.addresses) == [1])
        let report = QACheckerTests.report([("list.csv", "text/csv", "email\r\ngone@brightline-goods.com\r\n")], policy: policy)
        #expect(report.findings.map(\.rule) == ["audience.suppressed", "audience.summary"])
    }

    @Test func aBadPolicyFileIsAUsageErrorNamingTheKey() throws {
        let directory = try Self.directory(["policy.yaml": "drop_role_adresses: true\n"])
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("policy.yaml").path
        let error = #expect(throws: QAServiceFlags.UsageError.self) {
            try QAServiceFlags.parse(["--audience-policy", path], workerID: "qa-1")
        }
        #expect(error?.description.contains("unknown key \"drop_role_adresses\"") == true, "\(error?.description ?? "")")
        #expect(throws: QAServiceFlags.UsageError.self) {
            try QAServiceFlags.parse(["--audience-policy", directory.appendingPathComponent("gone.yaml").path], workerID: "qa-1")
        }
        #expect(throws: QAServiceFlags.UsageError.self) { try QAServiceFlags.parse(["--audience-policy"], workerID: "qa-1") }
    }
}
