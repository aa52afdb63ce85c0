import Domain
import Foundation

/// A QA rule or checklist item that failed for a campaign: an error finding of an automated QA report
/// (`qa.report.ready`) or a finding of a failed human verdict.
public struct QARuleFailure: Sendable, Hashable, Codable {
    /// Where the failure comes from.
    public enum Source: String, Sendable, Hashable, Codable {
        /// The automated QA engine (`rule` is a rule id from docs/qa-rules.md).
        case automated
        /// The reviewer's checklist (`rule` is the finding's text).
        case checklist
    }

    /// The campaign.
    public var campaign: CampaignID
    /// The rule id or checklist finding.
    public var rule: String
    /// Automated or checklist.
    public var source: Source
    /// When the report or verdict was made.
    public var at: Date
    /// What makes it one failure: the report's document versions, or the verdict's time.
    public var occurrence: String

    /// Creates a failure.
    public init(campaign: CampaignID, rule: String, source: Source, at: Date, occurrence: String) {
        self.campaign = campaign
        self.rule = rule
        self.source = source
        self.at = at
        self.occurrence = occurrence
    }
}
