/// One problem found by a QA rule.
///
/// Wire: `{"rule": "link.empty-href", "severity": "error", "location": {…}, "message": "…", "fix": "…"}`.
public struct Finding: Sendable, Hashable, Codable {
    /// The rule that fired; documented in `docs/qa-rules.md`.
    public var rule: RuleID
    /// How bad it is.
    public var severity: Severity
    /// Where it is, if it has a place.
    public var location: Location?
    /// What is wrong, in a sentence a marketer understands.
    public var message: String
    /// How to fix it.
    public var fix: String

    /// Creates a finding; `severity` defaults to the rule's.
    public init(_ rule: RuleID, at location: Location?, _ message: String, fix: String, severity: Severity? = nil) {
        self.rule = rule
        self.severity = severity ?? rule.severity
        self.location = location
        self.message = message
        self.fix = fix
    }

    private enum CodingKeys: String, CodingKey {
        case rule
        case severity
        case location
        case message
        case fix
    }
}
