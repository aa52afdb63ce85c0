import Contracts
import Domain
import Foundation

/// Folds one bus event into a ``ReportingLedger``: campaign facts into tracks (in version order, detecting
/// warning signs at the fact's time), automated QA reports and failed verdicts into QA failures, and
/// escalations into counts. Everything depends only on the events, so a rebuild from seq 0 folds the same.
///
/// ```swift
/// var ledger = InMemoryLedger()
/// let outcome = try ReportingFold(rules: .builtIn).apply(envelope, to: &ledger)
/// ```
public struct ReportingFold: Sendable {
    /// The topic prefixes reporting reads.
    public static let prefixes = [CampaignFactRecorded.prefix, QAReportReady.topic.rawValue, EscalationRaised.topic.rawValue]

    /// What applying one event did.
    public enum Outcome: Sendable, Equatable {
        /// Folded; these warnings are new and are to be published.
        case folded(warnings: [ReportWarningRaised])
        /// A fact version folded before; nothing changed.
        case duplicate
        /// A fact out of version order: `expected` is missing.
        case gap(expected: Int)
        /// A fact of a campaign whose first fact was never folded.
        case unknownCampaign(CampaignID)
        /// Not an event reporting reads.
        case ignored
    }

    let rules: Rules
    let detector: WarningDetector

    /// A fold under `rules` (SLA calendar and policies, warning thresholds, escalation routes).
    public init(rules: Rules) {
        self.rules = rules
        self.detector = WarningDetector(rules: rules)
    }

    /// Applies `event` to `ledger`.
    public func apply(_ event: AnyEnvelope, to ledger: inout some ReportingLedger) throws -> Outcome {
        if let fact = event.typed(as: CampaignFactRecorded.self) {
            return try fold(fact.data, into: &ledger)
        }
        if let report = event.typed(as: QAReportReady.self) {
            let data = report.data
            let occurrence = data.documents.map { "\($0.document.rawValue)@\($0.contentHash.rawValue)" }.sorted()
                .joined(separator: ",")
            for rule in Set(data.findings.filter { $0.severity == "error" }.map(\.rule)) {
                try ledger.record(
                    QARuleFailure(
                        campaign: data.campaignID, rule: rule, source: .automated, at: report.time, occurrence: occurrence))
            }
            return .folded(warnings: [])
        }
        if let raised = event.typed(as: EscalationRaised.self) {
            let escalation = raised.data.escalation
            try ledger.record(
                EscalationRecord(
                    key: escalation.key, campaign: escalation.campaignID, reason: escalation.reason, raisedAt: raised.time))
            return .folded(warnings: [])
        }
        return .ignored
    }

    private func fold(_ fact: CampaignFactRecorded, into ledger: inout some ReportingLedger) throws -> Outcome {
        let id = fact.event.campaignID
        guard var track = try ledger.track(id) else {
            guard let first = CampaignTrack(first: fact) else { return .unknownCampaign(id) }
            try ledger.save(first)
            let signs = detector.signs(before: nil, after: first.campaign, at: fact.event.occurredAt)
            return .folded(warnings: try record(signs, in: &ledger))
        }
        let before = track.campaign
        switch track.fold(fact) {
        case .duplicate: return .duplicate
        case .gap(let expected): return .gap(expected: expected)
        case .folded: break
        }
        try ledger.save(track)
        if case .qaRecorded(let verdict) = fact.event.fact, verdict.outcome == .failed {
            for finding in Set(verdict.findings) {
                try ledger.record(
                    QARuleFailure(
                        campaign: id, rule: finding, source: .checklist, at: fact.event.occurredAt,
                        occurrence: "v\(fact.version)"))
            }
        }
        let signs = detector.signs(before: before, after: track.campaign, at: fact.event.occurredAt)
        return .folded(warnings: try record(signs, in: &ledger))
    }

    private func record(_ warnings: [ReportWarningRaised], in ledger: inout some ReportingLedger) throws
        -> [ReportWarningRaised]
    {
        try warnings.filter { try ledger.record($0) }
    }
}
