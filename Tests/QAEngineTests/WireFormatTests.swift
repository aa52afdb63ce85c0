import Domain
import Foundation
import QAEngine
import Testing

@Suite struct WireFormatTests {
    @Test func reportEncodesWithSnakeCaseKeysAndRoundTrips() throws {
        let report = QAReport(findings: [
            Finding(.linkHashHref, at: Location(line: 3, column: 7, path: "html>body>a"), "A link points to \"#\".", fix: "Link it.")
        ])
        let data = try JSONEncoder().encode(report)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(json.keys) == ["verdict", "findings", "errors", "warnings", "infos"])
        #expect(json["verdict"] as? String == "failed")
        let finding = try #require((json["findings"] as? [[String: Any]])?.first)
        #expect(Set(finding.keys) == ["rule", "severity", "location", "message", "fix"])
        #expect(finding["rule"] as? String == "link.hash-href")
        #expect(try JSONDecoder().decode(QAReport.self, from: data) == report)
    }

    @Test func emailDocumentDecodesFromTheWire() throws {
        let json = #"{"html": "<p>x</p>", "subject": "Hi", "plain_text": "x"}"#
        let email = try JSONDecoder().decode(EmailDocument.self, from: Data(json.utf8))
        #expect(email == EmailDocument(html: "<p>x</p>", subject: "Hi", plainText: "x", kind: .marketing))
    }

    @Test func trackingPlanUsesSnakeCase() throws {
        let json = #"{"source":"newsletter","medium":"email","campaign":"c","tracked_domains":["a.com"],"lowercase":false}"#
        let plan = try JSONDecoder().decode(TrackingPlan.self, from: Data(json.utf8))
        #expect(plan.trackedDomains == ["a.com"] && !plan.lowercase)
    }
}
