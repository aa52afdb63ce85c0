import Domain
import Foundation

/// A QA reviewer's verdict as reporting keeps it. Wire keys: `at`, `outcome`, `findings`.
public struct QAVerdictRecord: Sendable, Hashable, Codable {
    /// When it was recorded.
    public var at: Date
    /// Passed or failed.
    public var outcome: QAOutcome
    /// The checklist items that failed.
    public var findings: [String]

    /// Creates a record.
    public init(at: Date, outcome: QAOutcome, findings: [String]) {
        self.at = at
        self.outcome = outcome
        self.findings = findings
    }
}
