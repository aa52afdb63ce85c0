import Domain
import Foundation
@testable import QAEngine
import Testing

/// One audience row (after the header) that breaks exactly one rule.
struct AudienceCase: Sendable, CustomTestStringConvertible {
    var rule: RuleID
    var csv: String
    var testDescription: String { rule.rawValue }

    static let header = "email,name,consent\r\n"
    static let all: [AudienceCase] = [
        AudienceCase(rule: .audienceMissingColumn, csv: "mail,name\r\nann@brightline-goods.com,Ann\r\n"),
        AudienceCase(rule: .audienceEmpty, csv: header),
        AudienceCase(rule: .audienceMalformedRow, csv: header + "ann@brightline-goods.com,\"Ann \"the\" Lee\",yes\r\n"),
        AudienceCase(rule: .audienceMalformedRow, csv: header + "ann@brightline-goods.com,Ann\r\n"),
        AudienceCase(rule: .audienceInvalidEncoding, csv: header + "jorg@brightline-goods.com,J\u{F6}rg,yes\r\n"),
        AudienceCase(rule: .audienceInvalidEmail, csv: header + "ann(at)brightline,Ann,yes\r\n"),
        AudienceCase(rule: .audienceDuplicate, csv: header + "Ann@Brightline-Goods.com,Ann,yes\r\nann@brightline-goods.com,Ann,yes\r\n"),
        AudienceCase(rule: .audienceSuppressed, csv: header + "gone@brightline-goods.com,Gone,yes\r\n"),
        AudienceCase(rule: .audienceRoleAddress, csv: header + "info@brightline-goods.com,Info,yes\r\n"),
        AudienceCase(rule: .audienceMissingConsent, csv: header + "ann@brightline-goods.com,Ann,no\r\n"),
    ]

    /// The CSV bytes; the Latin-1 case is encoded as Latin-1.
    var data: Data {
        rule == .audienceInvalidEncoding ? csv.data(using: .isoLatin1) ?? Data() : Data(csv.utf8)
    }
}

@Suite struct AudienceCheckerTests {
    static var checker: AudienceChecker {
        var policy = AudiencePolicy()
        policy.suppress(["gone@brightline-goods.com"], reason: .unsubscribed)
        return AudienceChecker(policy: policy)
    }

    @Test(arguments: AudienceCase.all)
    func ruleFiresOnItsCase(_ row: AudienceCase) throws {
        let report = try Self.checker.check(row.data)
        #expect(report.counts[row.rule.rawValue] != nil, "\(report.counts)")
    }

    /// A header without the email column stops the check at once: the rows after it are not read as headers.
    @Test func aMissingColumnIsReportedOnce() throws {
        let rows = (0..<50).map { "ann\($0)@brightline-goods.com,Ann" }.joined(separator: "\n")
        let report = try AudienceChecker().check(Data(("mail,name\n" + rows).utf8))
        #expect(report.counts == ["audience.missing-column": 1] && report.rows == 0)
        #expect(report.findings.count == 1)
    }

    @Test func cleansAListAndCountsEveryReason() throws {
        let csv = """
            Email,Name,Consent\r
            ann.lee@gmail.com,"Lee, Ann",yes\r
            annlee+promo@googlemail.com,Ann again,yes\r
            bounce@brightline-goods.com,Bo,yes\r
            admin@brightline-goods.com,Admin,yes\r
            "carl@brightline-goods.com","Carl ""CJ"" Jones",Yes\r
            dora@brightline-goods.com,Dora,\r
            not-an-address,X,yes\r
            "eve@brightline-goods.com","Eve
            Smith",yes\r

            """
        var policy = AudiencePolicy()
        policy.suppress(["BOUNCE@brightline-goods.com"], reason: .bounced)
        var written: [UInt8] = []
        var rows: [AudienceRow] = []
        let report = try AudienceChecker(policy: policy).check(Data(csv.utf8), write: { written += $0 }) { rows.append($0) }
        #expect(report.rows == 8 && report.kept == 4 && report.dropped == 4 && report.verdict == .passed)
        #expect(report.counts == [
            "audience.duplicate": 1, "audience.suppressed": 1, "audience.role-address": 1,
            "audience.missing-consent": 1, "audience.invalid-email": 1,
        ])
        #expect(rows.map(\.line) == [2, 3, 4, 5, 6, 7, 8, 9])
        #expect(String(decoding: written, as: UTF8.self) == """
            Email,Name,Consent\r
            ann.lee@gmail.com,"Lee, Ann",yes\r
            admin@brightline-goods.com,Admin,yes\r
            carl@brightline-goods.com,"Carl ""CJ"" Jones",Yes\r
            eve@brightline-goods.com,"Eve
            Smith",yes\r

            """)
    }

    @Test func unterminatedQuoteSwallowsOnlyTheRestAndIsReported() throws {
        let csv = "email,consent\nann@brightline-goods.com,yes\n\"bob@brightline-goods.com,yes\ncarl@brightline-goods.com,yes\n"
        let report = try AudienceChecker().check(Data(csv.utf8))
        #expect(report.kept == 1 && report.counts["audience.malformed-row"] == 1)
    }

    @Test func streamsALargeFileThroughFileHandles() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qa-audience-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("in.csv")
        let output = directory.appendingPathComponent("out.csv")
        var csv = "email,consent\n"
        for index in 0..<100_000 { csv += "person\(index % 90_000)@brightline-goods.com,yes\n" }
        try Data(csv.utf8).write(to: input)
        #expect(FileManager.default.createFile(atPath: output.path, contents: nil))
        let reader = try FileHandle(forReadingFrom: input)
        let writer = try FileHandle(forWritingTo: output)
        let report = try AudienceChecker().check(reader, writingTo: writer)
        try reader.close()
        try writer.close()
        #expect(report.rows == 100_000 && report.kept == 90_000 && report.counts["audience.duplicate"] == 10_000)
        #expect(report.findings.count == AudiencePolicy().sampleFindings)
        #expect(try Data(contentsOf: output).count == 15 + 90_000 * 2 + (0..<90_000).reduce(0) { $0 + "person\($1)@brightline-goods.com,yes".utf8.count })
    }

    @Test func latin1RowsAreFlaggedAndWrittenAsUTF8() throws {
        let csv = Data("\u{FEFF}Email , Consent\r\n".utf8) + Data([0x6A, 0xF6, 0x72, 0x67]) + Data("@brightline-goods.com,yes\r\n".utf8)
        var written: [UInt8] = []
        var rows: [AudienceRow] = []
        let report = try AudienceChecker().check(csv, write: { written += $0 }) { rows.append($0) }
        #expect(report.rows == 1 && report.kept == 1 && report.counts == ["audience.invalid-encoding": 1])
        #expect(rows.first?.email == "j\u{F6}rg@brightline-goods.com")
        #expect(String(decoding: written, as: UTF8.self) == "\u{FEFF}Email , Consent\r\nj\u{F6}rg@brightline-goods.com,yes\r\n")
    }

    @Test func nonASCIIAddressesAreComparedAfterUnicodeLowerCasing() throws {
        let csv = "email,consent\n\u{C4}NN@Brightline-Goods.com,yes\n\u{E4}nn@brightline-goods.com\u{A0},yes\n"
        let report = try AudienceChecker().check(Data(csv.utf8))
        #expect(report.rows == 2 && report.kept == 1 && report.counts == ["audience.duplicate": 1])
    }

    @Test(arguments: [
        ("Ann.Lee+news@GMAIL.com", "annlee@gmail.com"), ("a.b@googlemail.com", "ab@gmail.com"),
        (" x+y@brightline-goods.com\n", "x+y@brightline-goods.com"), ("no-at-sign", "no-at-sign"),
    ])
    func addressKeys(_ address: String, _ expected: String) {
        var key: [UInt8] = []
        var address = address
        address.withUTF8 { AudiencePolicy().key(of: $0, into: &key) }
        #expect(String(decoding: key, as: UTF8.self) == expected)
    }

    @Test func plusTagsCanBeStrippedEverywhere() {
        var policy = AudiencePolicy()
        policy.stripPlusTagsEverywhere = true
        var key: [UInt8] = []
        var address = "Ann+Promo@Brightline-Goods.com"
        address.withUTF8 { policy.key(of: $0, into: &key) }
        #expect(String(decoding: key, as: UTF8.self) == "ann@brightline-goods.com")
    }

    @Test func theLastReasonGivenForAnAddressHolds() throws {
        var policy = AudiencePolicy()
        policy.suppress(["gone@brightline-goods.com", "left@brightline-goods.com"], reason: .unsubscribed)
        policy.suppress(["Gone@Brightline-Goods.com"], reason: .bounced)
        let report = try AudienceChecker(policy: policy).check(
            Data("email,consent\ngone@brightline-goods.com,yes\nleft@brightline-goods.com,yes\n".utf8))
        #expect(report.counts == ["audience.suppressed": 2])
        #expect(report.findings.map(\.message).sorted() == [
            "gone@brightline-goods.com is on the suppression list (bounced).",
            "left@brightline-goods.com is on the suppression list (unsubscribed).",
        ])
    }

    /// Addresses whose keys take every branch: Gmail dots and tags, a 9-byte domain that is not Gmail, white
    /// space, plus tags elsewhere, no `@`, upper case.
    static let keyCases = [
        "Ann.Lee+news@GMAIL.com", "a.b@googlemail.com", "x.y+z@yahoo.com", " x+y@brightline-goods.com\t",
        "no-at-sign", "MIXED.Case@Example.ORG", "a+b+c@gmail.com", "@gmail.com", "", " ", "q@x.io",
    ]

    @Test(arguments: [false, true])
    func theOnePassKeyEqualsTheFullKey(stripPlusTags: Bool) {
        var policy = AudiencePolicy()
        policy.stripPlusTagsEverywhere = stripPlusTags
        for var address in Self.keyCases {
            var expected: [UInt8] = []
            address.withUTF8 { policy.key(of: $0, into: &expected) }
            var key = [UInt8](repeating: 0, count: 64)
            let count = address.withUTF8 { utf8 in
                key.withUnsafeMutableBufferPointer {
                    AudiencePolicy.asciiKey(
                        of: utf8, into: $0, gmailNormalization: true, stripPlusTagsEverywhere: stripPlusTags)
                }
            }
            #expect(count.map { Array(key[..<$0]) } == expected, "\(address)")
        }
    }

    /// Keys computed ahead for whole lines (LF and CRLF) are reused; lines ended by a lone CR, quoted rows and
    /// rows split across reads are keyed as they are parsed. Either way the verdicts are the same.
    @Test func everyLineEndingAndReadSizeGivesTheSameReport() throws {
        var rows: [String] = []
        for index in 0..<4_000 {
            let address = Self.keyCases[index % Self.keyCases.count].replacingOccurrences(of: "@", with: "\(index % 1_500)@")
            let name = index % 5 == 0 ? "\"Lee, Ann\"" : "Ann"
            rows.append(index % 3 == 0 ? "\(address),\(name),yes" : "\(name.count > 3 ? "x" : "")\(address),\(name),yes")
        }
        func report(_ separator: String) throws -> AudienceReport {
            var policy = AudiencePolicy()
            policy.consentColumn = "consent"
            policy.suppress(["ann.lee@gmail.com", "x.y@yahoo.com"], reason: .bounced)
            let csv = Data((["email,name,consent"] + rows).joined(separator: separator).utf8)
            return try AudienceChecker(policy: policy).check(csv)
        }
        let lineFeeds = try report("\n")
        #expect(lineFeeds.rows == 4_000 && lineFeeds.counts["audience.duplicate", default: 0] > 0)
        #expect(lineFeeds.counts["audience.suppressed", default: 0] > 0)
        #expect(try report("\r\n") == lineFeeds)
        #expect(try report("\r") == lineFeeds)

        let file = FileManager.default.temporaryDirectory.appendingPathComponent("audience-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data((["email,name,consent"] + rows).joined(separator: "\n").utf8).write(to: file)
        var policy = AudiencePolicy()
        policy.suppress(["ann.lee@gmail.com", "x.y@yahoo.com"], reason: .bounced)
        let handle = try FileHandle(forReadingFrom: file)
        defer { try? handle.close() }
        #expect(try AudienceChecker(policy: policy).check(handle) == lineFeeds)
    }

    @Test func countsDoNotDependOnTheRowCallback() throws {
        var csv = "email,consent\n"
        for index in 0..<3_000 { csv += index % 7 == 0 ? "bad\(index),yes\n" : "p\(index % 2_000)@brightline-goods.com,yes\n" }
        let quiet = try Self.checker.check(Data(csv.utf8))
        let observed = try Self.checker.check(Data(csv.utf8)) { _ in }
        #expect(quiet == observed && quiet.findings.count == AudiencePolicy().sampleFindings)
    }

    @Test func randomBytesNeverCrash() throws {
        var generator = SplitMix(seed: 3)
        let alphabet = Array("email,consent\"\r\n ab@.x,yes\u{E9}".utf8) + [0xFF, 0x00]
        for _ in 0..<300 {
            let bytes = (0..<Int(generator.next() % 600)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            _ = try AudienceChecker().check(Data(bytes))
        }
    }
}
