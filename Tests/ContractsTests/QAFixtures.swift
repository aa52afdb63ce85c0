import Contracts
import Domain
import Foundation

/// Golden message of the automated QA report.
extension Fixtures {
    static let qaReportReadyJSON = """
        {
          "causationid": "6f1c2a10-0000-4000-8000-000000000001",
          "correlationid": "6f1c2a10-0000-4000-8000-000000000001",
          "data": {"campaign_id": "cmp-2026-0001",
                   "documents": [{"content_hash": "sha256:9f86d081884c7d65", "document": "email-main", "version": 2}],
                   "errors": 1, "infos": 0,
                   "findings": [{"column": 5, "document": "email-main", "fix": "Put the destination URL in the link.",
                                 "line": 12, "message": "A link (\\"Shop now\\") has an empty destination.",
                                 "path": "html>body>table>tr>td>a", "rule": "link.empty-href", "severity": "error"},
                                {"document": "email-main", "fix": "Write a preheader of 40–110 characters that adds to the subject.",
                                 "message": "The email has no preheader, so the inbox will show whatever text comes first.",
                                 "path": "preheader", "rule": "content.preheader-missing", "severity": "warning"}],
                   "verdict": "failed", "warnings": 1, "worker": "qa-2"},
          "datacontenttype": "application/json",
          "id": "6f1c2a10-0000-4000-8000-000000000003",
          "source": "marquee/qa",
          "specversion": "1.0",
          "subject": "cmp-2026-0001",
          "time": "2026-03-03T09:15:00.250Z",
          "type": "qa.report.ready"
        }
        """
    static let qaReportReady = Envelope(
        id: id3, source: "marquee/qa", time: time, correlationID: id1, causationID: id1,
        data: QAReportReady(
            campaignID: campaign,
            documents: [DocumentVersion(document: "email-main", version: 2, contentHash: "sha256:9f86d081884c7d65")],
            findings: [
                QAReportReady.Finding(
                    document: "email-main", rule: "link.empty-href", severity: "error",
                    message: "A link (\"Shop now\") has an empty destination.", fix: "Put the destination URL in the link.",
                    line: 12, column: 5, path: "html>body>table>tr>td>a"),
                QAReportReady.Finding(
                    document: "email-main", rule: "content.preheader-missing", severity: "warning",
                    message: "The email has no preheader, so the inbox will show whatever text comes first.",
                    fix: "Write a preheader of 40–110 characters that adds to the subject.", path: "preheader"),
            ], worker: "qa-2"))
}
