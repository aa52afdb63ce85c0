import AudienceConfig
import Foundation
import QAEngine
import Testing

/// A policy file that must be refused, and a phrase the sentence must contain.
struct BadPolicyCase: Sendable, CustomTestStringConvertible {
    var yaml: String
    var says: String
    var testDescription: String { says }

    static let all: [BadPolicyCase] = [
        BadPolicyCase(yaml: "email_colum: mail\n", says: "line 1: unknown key \"email_colum\"; expected email_column,"),
        BadPolicyCase(yaml: "gmail_normalization: maybe\n", says: "gmail_normalization must be true or false"),
        BadPolicyCase(yaml: "email_column: [a, b]\n", says: "email_column must be text"),
        BadPolicyCase(yaml: "consent_column: 1\n", says: "consent_column must be text or null"),
        BadPolicyCase(yaml: "consent_values: yes\n", says: "consent_values must be a list of text"),
        BadPolicyCase(yaml: "role_local_parts: [info, {a: b}]\n", says: "role_local_parts[1] must be text"),
        BadPolicyCase(yaml: "required_columns: [name, '']\n", says: "required_columns[1] must not be empty"),
        BadPolicyCase(yaml: "suppressions: unsubscribed.txt\n", says: "suppressions must be a list of {file: PATH"),
        BadPolicyCase(
            yaml: "suppressions:\n  - {file: u.txt, reason: spam}\n",
            says: "line 2: suppressions[0].reason must be unsubscribed, bounced or complained, not \"spam\""),
        BadPolicyCase(yaml: "suppressions:\n  - {file: u.txt}\n", says: "suppressions[0] needs both file and reason"),
        BadPolicyCase(
            yaml: "suppressions:\n  - {path: u.txt, reason: bounced}\n", says: "unknown key \"suppressions[0].path\""),
        BadPolicyCase(yaml: "drop_role_addresses: true\ndrop_role_addresses: false\n", says: "duplicated key(s): 'drop_role_addresses'"),
        BadPolicyCase(yaml: "- email\n", says: "the file must be a mapping with keys email_column"),
        BadPolicyCase(yaml: "email_column: [unclosed\n", says: "is not valid YAML"),
        BadPolicyCase(
            yaml: "suppressions:\n  - {file: gone.txt, reason: bounced}\n",
            says: "suppressions[0]: cannot read bounced list /"),
    ]
}

@Suite struct AudiencePolicyFileTests {
    /// A fresh directory holding `files` (name → contents).
    static func directory(_ files: [String: String]) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("audience-policy-\(UUID())")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("lists"), withIntermediateDirectories: true)
        for (name, contents) in files { try Data(contents.utf8).write(to: directory.appendingPathComponent(name)) }
        return directory
    }

    @Test func everyKeyIsReadAndSuppressionListsAreLoadedRelativeToTheFile() throws {
        let directory = try Self.directory([
            "policy.yaml": """
                email_column: E-Mail
                consent_column: null
                consent_values: [Yes, 1]
                required_columns: [first_name]
                gmail_normalization: false
                strip_plus_tags: true
                drop_role_addresses: yes
                role_local_parts: [Info, sales]
                suppressions:
                  - file: lists/unsubscribed.txt
                    reason: unsubscribed
                  - {file: bounced.csv, reason: bounced}
                """,
            "lists/unsubscribed.txt": "# one per line\nann@brightline-goods.com\nnot an address\n",
            "bounced.csv": "Email,Reason\nbob@example.org,hard\n",
        ])
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = try AudiencePolicyFile(contentsOf: directory.appendingPathComponent("policy.yaml").path)
        let policy = file.policy
        #expect(policy.emailColumn == "E-Mail" && policy.consentColumn == nil && policy.consentValues == ["yes", "1"])
        #expect(policy.requiredColumns == ["first_name"] && !policy.gmailNormalization && policy.stripPlusTagsEverywhere)
        #expect(policy.dropRoleAddresses && policy.roleLocalParts == ["info", "sales"])
        #expect(file.suppressions.map(\.addresses) == [1, 1])
        #expect(file.suppressions.map(\.file.reason) == [.unsubscribed, .bounced])
        #expect(file.suppressions[0].file.path == directory.appendingPathComponent("lists/unsubscribed.txt").standardizedFileURL.path)
        #expect(file.suppressions[0].problemCount == 1)
        #expect(file.suppressions[0].problems.map(\.line) == [3])

        let list = "e-mail,first_name\nAnn@Brightline-Goods.com,Ann\nbob@example.org,Bob\ninfo@example.org,Info\ncarl@example.org,Carl\n"
        let report = try AudienceChecker(policy: policy).check(Data(list.utf8))
        #expect(report.kept == 1 && report.counts == ["audience.suppressed": 2, "audience.role-address": 1])
    }

    @Test func anEmptyFileIsTheDefaultPolicy() throws {
        let directory = try Self.directory(["policy.yaml": "# nothing changed\n"])
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = try AudiencePolicyFile(contentsOf: directory.appendingPathComponent("policy.yaml").path)
        #expect(file.policy == AudiencePolicy() && file.suppressions.isEmpty)
    }

    @Test(arguments: BadPolicyCase.all)
    func aBadFileIsRefusedWithASentenceNamingTheKey(_ row: BadPolicyCase) throws {
        let directory = try Self.directory(["policy.yaml": row.yaml])
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("policy.yaml").path
        let error = #expect(throws: AudienceConfigError.self) { try AudiencePolicyFile(contentsOf: path) }
        #expect(error?.description.hasPrefix("audience policy \(path)") == true, "\(error?.description ?? "")")
        #expect(error?.description.contains(row.says) == true, "\(error?.description ?? "")")
    }

    @Test func aSuppressionExportWithoutAnEmailColumnIsRefused() throws {
        let directory = try Self.directory(["ids.csv": "id,name\n1,Ann\n"])
        defer { try? FileManager.default.removeItem(at: directory) }
        var policy = AudiencePolicy()
        let path = directory.appendingPathComponent("ids.csv").path
        let error = #expect(throws: AudienceConfigError.self) {
            try SuppressionFile(path: path, reason: .complained).add(to: &policy)
        }
        #expect(error?.description.hasPrefix("complained list \(path): the header on line 1 (id, name) has no email column") == true)
    }
}

@Suite struct ShippedAudiencePolicyTests {
    @Test func deployAudiencePolicyIsTheBuiltInPolicy() throws {
        let path = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("deploy/audience-policy.yaml").path
        let file = try AudiencePolicyFile(contentsOf: path)
        #expect(file.policy == AudiencePolicy() && file.suppressions.isEmpty)
    }
}
