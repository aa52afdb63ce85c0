import Domain
import Foundation

/// `qa.report.ready`: the automated QA of a campaign's current documents is done. A `marquee-qa` worker
/// publishes it for each `campaign.fact.qa_requested` it is leased, once per campaign and exact document
/// versions (the event id is derived from them, so a redelivered request publishes nothing new). The QA
/// reviewer reads it before recording the human verdict with `campaign.command.record_qa`.
public struct QAReportReady: Event {
    public static let topic: Topic = "qa.report.ready"

    /// One automated finding (the QA engine's `Finding`, with the document it is in).
    ///
    /// Wire: `{"document": "email-main", "rule": "link.empty-href", "severity": "error", "message": "…",
    /// "fix": "…", "line": 12, "column": 5, "path": "html>body>a"}` (`line`, `column`, `path` when known).
    public struct Finding: Sendable, Hashable, Codable {
        /// The document the finding is in.
        public var document: DocumentID
        /// The rule id, documented in `docs/qa-rules.md`.
        public var rule: String
        /// `error`, `warning` or `info`.
        public var severity: String
        public var message: String
        public var fix: String
        public var line: Int?
        public var column: Int?
        public var path: String?

        public init(
            document: DocumentID, rule: String, severity: String, message: String, fix: String, line: Int? = nil,
            column: Int? = nil, path: String? = nil
        ) {
            self.document = document
            self.rule = rule
            self.severity = severity
            self.message = message
            self.fix = fix
            self.line = line
            self.column = column
            self.path = path
        }
    }

    /// The campaign.
    public var campaignID: CampaignID
    /// The exact document versions checked (the campaign's current versions when QA was requested).
    public var documents: [DocumentVersion]
    /// `passed` when no finding is an error. Advisory: the QA reviewer's `record_qa` decides.
    public var verdict: QAOutcome
    /// Every finding, per document, errors first.
    public var findings: [Finding]
    /// Counts of error, warning and info findings.
    public var errors: Int
    public var warnings: Int
    public var infos: Int
    /// The worker that checked them, e.g. `qa-2`.
    public var worker: String

    /// Creates the event; counts and verdict are derived from `findings`.
    public init(campaignID: CampaignID, documents: [DocumentVersion], findings: [Finding], worker: String) {
        self.campaignID = campaignID
        self.documents = documents
        self.findings = findings
        self.worker = worker
        errors = findings.count { $0.severity == "error" }
        warnings = findings.count { $0.severity == "warning" }
        infos = findings.count { $0.severity == "info" }
        verdict = errors == 0 ? .passed : .failed
    }

    public var subject: CampaignID? { campaignID }

    public static var schema: JSONSchema {
        JSONSchema.object(required: [
            "campaign_id": CampaignID.jsonSchema,
            "documents": JSONSchema.array(
                of: JSONSchema.object(required: [
                    "document": JSONSchema.string(minLength: 1), "version": JSONSchema.integer(minimum: 1),
                    "content_hash": JSONSchema.string(minLength: 1),
                ])
            ).described("The document versions checked"),
            "verdict": JSONSchema.oneOf(["passed", "failed"]).described("Automated verdict: failed when any error"),
            "findings": JSONSchema.array(
                of: JSONSchema.object(
                    required: [
                        "document": JSONSchema.string(minLength: 1), "rule": JSONSchema.string(minLength: 1),
                        "severity": JSONSchema.oneOf(["error", "warning", "info"]), "message": JSONSchema.string(),
                        "fix": JSONSchema.string(),
                    ],
                    optional: [
                        "line": JSONSchema.integer(minimum: 0), "column": JSONSchema.integer(minimum: 0),
                        "path": JSONSchema.string(),
                    ])
            ).described("Findings, see docs/qa-rules.md"),
            "errors": JSONSchema.integer(minimum: 0), "warnings": JSONSchema.integer(minimum: 0),
            "infos": JSONSchema.integer(minimum: 0),
            "worker": JSONSchema.string(minLength: 1).described("The marquee-qa worker that checked"),
        ]).described("The automated QA report of a campaign's document versions")
    }

    private enum CodingKeys: String, CodingKey {
        case campaignID = "campaign_id"
        case documents, verdict, findings, errors, warnings, infos, worker
    }
}
