import Foundation

/// The result of the QA checklist. Wire values: `"passed"`, `"failed"`.
public enum QAOutcome: String, Sendable, Hashable, Codable {
    case passed
    case failed
}

/// A QA reviewer's verdict on the exact document versions they checked.
///
/// Wire keys: `reviewer`, `outcome`, `findings`, `documents`.
public struct QAVerdict: Sendable, Hashable, Codable {
    /// Who ran the checklist; never the builder.
    public var reviewer: UserID
    /// Passed or failed.
    public var outcome: QAOutcome
    /// What failed (empty when passed).
    public var findings: [String]
    /// The versions the reviewer saw; must be the campaign's current versions.
    public var documents: [DocumentVersion]

    /// Creates a verdict.
    public init(reviewer: UserID, outcome: QAOutcome, findings: [String] = [], documents: [DocumentVersion]) {
        self.reviewer = reviewer
        self.outcome = outcome
        self.findings = findings
        self.documents = documents
    }

    private enum CodingKeys: String, CodingKey {
        case reviewer
        case outcome
        case findings
        case documents
    }
}
