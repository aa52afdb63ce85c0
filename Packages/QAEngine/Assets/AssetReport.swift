import Domain

/// The result of inspecting one asset file. Wire keys: `name`, `info`, `verdict`, `findings`.
public struct AssetReport: Sendable, Hashable, Codable {
    /// The file name checked.
    public var name: String
    /// What the header says; nil when unreadable.
    public var info: ImageInfo?
    /// `passed` when there is no error finding.
    public var verdict: QAOutcome
    /// Every finding, errors first.
    public var findings: [Finding]

    /// Creates a report, deriving the verdict.
    public init(name: String, info: ImageInfo?, findings: [Finding]) {
        self.name = name
        self.info = info
        self.findings = findings.sorted { $0.severity < $1.severity }
        verdict = findings.contains { $0.severity == .error } ? .failed : .passed
    }

    private enum CodingKeys: String, CodingKey {
        case name
        case info
        case verdict
        case findings
    }
}
