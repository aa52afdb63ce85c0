import Domain

/// The result of automated QA on one email. Wire keys: `verdict`, `findings`, `errors`, `warnings`, `infos`.
public struct QAReport: Sendable, Hashable, Codable {
    /// `passed` when there is no error finding.
    public var verdict: QAOutcome
    /// Every finding, errors first, then in document order; summaries of capped rules last.
    public var findings: [Finding]
    /// Number of error findings.
    public var errors: Int
    /// Number of warning findings.
    public var warnings: Int
    /// Number of info findings.
    public var infos: Int

    /// Creates a report from findings, sorting them and deriving the verdict and counts.
    public init(findings: [Finding]) {
        // Sorting indices (ties keep their order) moves small integers instead of whole findings.
        // The keys are read once, so comparisons copy no finding (and retain none of its strings).
        let keys = findings.map { (severity: $0.severity, position: Self.position($0.location)) }
        let order = findings.indices.sorted { lhs, rhs in
            let (left, right) = (keys[lhs], keys[rhs])
            if left.severity != right.severity { return left.severity < right.severity }
            return left.position != right.position ? left.position < right.position : lhs < rhs
        }
        self.findings = order.map { findings[$0] }
        errors = findings.count { $0.severity == .error }
        warnings = findings.count { $0.severity == .warning }
        infos = findings.count { $0.severity == .info }
        verdict = errors == 0 ? .passed : .failed
    }

    /// Sort key: unplaced findings (summaries) last, placed ones without a line (subject…) first.
    private static func position(_ location: Location?) -> (Int, Int) {
        guard let location else { return (Int.max, 0) }
        return (location.line ?? 0, location.column ?? 0)
    }

    /// The distinct rule ids that fired.
    public var rules: Set<RuleID> { Set(findings.map(\.rule)) }

    private enum CodingKeys: String, CodingKey {
        case verdict
        case findings
        case errors
        case warnings
        case infos
    }
}
