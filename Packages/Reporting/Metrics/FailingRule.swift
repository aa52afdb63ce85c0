import Domain
import Foundation

/// A QA rule (automated) or checklist item that failed in the period: how often, and for how many campaigns.
public struct FailingRule: Sendable, Hashable, Codable {
    public var rule: String
    public var source: QARuleFailure.Source
    /// Reports or verdicts it failed in.
    public var failures: Int
    /// Distinct campaigns.
    public var campaigns: Int

    /// The `limit` rules failing most often in `period` (ties: more campaigns, then by name).
    public static func top(_ limit: Int, of failures: [QARuleFailure], in period: ReportPeriod) -> [FailingRule] {
        var grouped: [QARuleFailureGroup: (failures: Int, campaigns: Set<String>)] = [:]
        for failure in failures where period.contains(failure.at) {
            let key = QARuleFailureGroup(rule: failure.rule, source: failure.source)
            grouped[key, default: (0, [])].failures += 1
            grouped[key, default: (0, [])].campaigns.insert(failure.campaign.rawValue)
        }
        let rows = grouped.map {
            FailingRule(rule: $0.key.rule, source: $0.key.source, failures: $0.value.failures, campaigns: $0.value.campaigns.count)
        }
        return Array(
            rows.sorted {
                ($0.failures, $0.campaigns, $1.rule, $1.source.rawValue) > ($1.failures, $1.campaigns, $0.rule, $0.source.rawValue)
            }.prefix(limit))
    }
}

private struct QARuleFailureGroup: Hashable {
    var rule: String
    var source: QARuleFailure.Source
}
