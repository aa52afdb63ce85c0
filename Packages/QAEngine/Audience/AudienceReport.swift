import Domain

/// Counts and sample findings for an audience list.
///
/// Wire keys: `verdict`, `rows`, `kept`, `dropped`, `counts` (rule id → rows), `findings` (samples).
public struct AudienceReport: Sendable, Hashable, Codable {
    /// `failed` when the list cannot be used at all (missing columns, no rows).
    public var verdict: QAOutcome
    /// Data rows read (header excluded).
    public var rows: Int
    /// Rows written to the cleaned list.
    public var kept: Int
    /// Rows left out of the cleaned list.
    public var dropped: Int
    /// Rows per rule that fired.
    public var counts: [String: Int]
    /// The first findings, up to the policy's sample size.
    public var findings: [Finding]

    private enum CodingKeys: String, CodingKey {
        case verdict
        case rows
        case kept
        case dropped
        case counts
        case findings
    }
}
