import Foundation

/// The result of the QA checklist. Wire values: `"passed"`, `"failed"`.
public enum QAOutcome: String, Sendable, Hashable, Codable {
    case passed
    case failed
}

/// A QA reviewer's verdict on the exact document versions they checked.
///
/// Wire keys: `reviewer`, `outcome`, `findings`, `documents`, and `checklist` when the reviewer answered the
/// ``QAChecklist`` item by item (then it must be complete and `outcome` must follow from it).
public struct QAVerdict: Sendable, Hashable, Codable {
    /// Who ran the checklist; never the builder.
    public var reviewer: UserID
    /// Passed or failed.
    public var outcome: QAOutcome
    /// What failed (empty when passed).
    public var findings: [String]
    /// The versions the reviewer saw; must be the campaign's current versions.
    public var documents: [DocumentVersion]
    /// The answered checklist; empty for a verdict recorded without one.
    public var checklist: [QAChecklistAnswer]

    /// Creates a verdict.
    public init(
        reviewer: UserID, outcome: QAOutcome, findings: [String] = [], documents: [DocumentVersion],
        checklist: [QAChecklistAnswer] = []
    ) {
        self.reviewer = reviewer
        self.outcome = outcome
        self.findings = findings
        self.documents = documents
        self.checklist = checklist
    }

    /// The verdict of a completed checklist: the outcome follows from the answers and the findings are the
    /// failed items' comments.
    public init(reviewer: UserID, checklist: [QAChecklistAnswer], documents: [DocumentVersion]) {
        self.init(
            reviewer: reviewer, outcome: QAChecklist.outcome(of: checklist),
            findings: checklist.filter { $0.result == .fail }.map { "\($0.item): \($0.comment)" }, documents: documents,
            checklist: checklist)
    }

    /// Why this verdict is not acceptable as a record of the checklist, or nil.
    public var checklistProblem: String? {
        guard !checklist.isEmpty else { return nil }
        if let problem = QAChecklist.problem(in: checklist) { return problem }
        let expected = QAChecklist.outcome(of: checklist)
        return outcome == expected ? nil : "the checklist gives \(expected.rawValue), not \(outcome.rawValue)"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        reviewer = try c.decode(UserID.self, forKey: .reviewer)
        outcome = try c.decode(QAOutcome.self, forKey: .outcome)
        findings = try c.decodeIfPresent([String].self, forKey: .findings) ?? []
        documents = try c.decode([DocumentVersion].self, forKey: .documents)
        checklist = try c.decodeIfPresent([QAChecklistAnswer].self, forKey: .checklist) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(reviewer, forKey: .reviewer)
        try c.encode(outcome, forKey: .outcome)
        try c.encode(findings, forKey: .findings)
        try c.encode(documents, forKey: .documents)
        if !checklist.isEmpty { try c.encode(checklist, forKey: .checklist) }
    }

    private enum CodingKeys: String, CodingKey {
        case reviewer
        case outcome
        case findings
        case documents
        case checklist
    }
}
