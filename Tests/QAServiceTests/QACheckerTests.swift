import Contracts
import Domain
import Foundation
import QAEngine
import QAService
import Testing

/// `QAChecker` on its own: which documents are audience lists, and what their findings say.
@Suite struct QACheckerTests {
    static let list = """
        email,consent\r
        ann@brightline-goods.com,yes\r
        Ann@Brightline-Goods.com,yes\r
        gone@brightline-goods.com,yes\r
        bob@brightline-goods.com,no\r
        carl@brightline-goods.com,yes\r

        """

    /// The report on `documents` (name, media type, bytes), checked under `policy`.
    static func report(_ documents: [(String, String, String)], policy: AudiencePolicy = AudiencePolicy()) -> QAReportReady {
        var contents: [ContentHash: (mediaType: String, bytes: Data)] = [:]
        var versions: [DocumentVersion] = []
        for (name, mediaType, text) in documents {
            let bytes = Data(text.utf8)
            let hash = QAStore.hash(bytes)
            contents[hash] = (mediaType, bytes)
            versions.append(DocumentVersion(document: DocumentID(rawValue: name), version: 1, contentHash: hash))
        }
        return QAChecker(audiencePolicy: policy).report(campaign: "cmp-audience", documents: versions, worker: "qa-1") {
            contents[$0]
        }
    }

    @Test func aCSVDocumentGetsAudienceFindingsAndASummary() {
        var policy = AudiencePolicy()
        policy.suppress(["GONE@brightline-goods.com"], reason: .unsubscribed)
        let report = Self.report([("audience", "text/csv", Self.list)], policy: policy)
        let rules = report.findings.map(\.rule)
        #expect(rules == ["audience.missing-consent", "audience.duplicate", "audience.suppressed", "audience.summary"])
        #expect(report.findings.allSatisfy { $0.document == "audience" })
        let suppressed = report.findings.first { $0.rule == "audience.suppressed" }
        #expect(suppressed?.line == 4 && suppressed?.path == "email")
        #expect(suppressed?.message == "gone@brightline-goods.com is on the suppression list (unsubscribed).")
        let summary = report.findings.last
        #expect(summary?.severity == "info")
        #expect(
            summary?.message == "Audience list: 5 rows, 2 kept, 3 dropped (duplicate 1, suppressed 1, missing-consent 1).")
        #expect(report.verdict == .passed)
    }

    @Test func withoutTheSuppressionTheAddressIsKept() {
        let report = Self.report([("audience", "text/csv", Self.list)])
        #expect(!report.findings.contains { $0.rule == "audience.suppressed" })
        #expect(report.findings.last?.message == "Audience list: 5 rows, 3 kept, 2 dropped (duplicate 1, missing-consent 1).")
    }

    @Test(arguments: [
        ("list", "application/csv", true), ("list.csv", "text/plain", true), ("notes.txt", "text/plain", false),
        ("list", "text/csv", true),
    ])
    func audienceListsAreRecognisedByTypeAndName(_ name: String, _ mediaType: String, _ checked: Bool) {
        let report = Self.report([(name, mediaType, Self.list)])
        #expect(report.findings.contains { $0.rule == QAChecker.audienceSummaryRule } == checked)
    }

    @Test func anUnusableListFailsTheReport() {
        let report = Self.report([("audience", "text/csv", "address,name\r\nann@brightline-goods.com,Ann\r\n")])
        #expect(report.verdict == .failed)
        #expect(report.findings.first?.rule == "audience.missing-column")
        #expect(report.findings.last?.message == "Audience list: 0 rows, 0 kept, 0 dropped (missing-column 1).")
    }

    @Test(arguments: [(1, "1"), (999, "999"), (1_000, "1,000"), (12_000, "12,000")])
    func countsAreGroupedTheSameEverywhere(_ count: Int, _ text: String) {
        var csv = "email\r\n"
        for index in 0..<count { csv += "p\(index)@brightline-goods.com\r\n" }
        var policy = AudiencePolicy()
        policy.consentColumn = nil
        let report = Self.report([("audience", "text/csv", csv)], policy: policy)
        #expect(report.findings.last?.message.hasPrefix("Audience list: \(text) rows, \(text) kept, 0 dropped") == true)
    }
}
