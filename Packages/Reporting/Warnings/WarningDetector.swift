import Contracts
import Domain
import Foundation

/// Finds warning signs with Domain's ``Domain/WarningSigns`` and turns each into a
/// ``Contracts/ReportWarningRaised`` with its evidence, its escalation route and a key naming the instance.
///
/// On a fact it looks at the campaign just before the fact (a hold or a deadline that the fact ends) and just
/// after it (a new hold in intake, one more edit round), both at the fact's time; the ticker looks at idle
/// campaigns at the current time. Keys do not contain the detection time, so the same sign seen again —
/// later, or in a rebuild — is the same warning.
public struct WarningDetector: Sendable {
    let rules: Rules

    /// A detector under `rules` (thresholds, calendar, SLA policies, escalation routes).
    public init(rules: Rules) {
        self.rules = rules
    }

    /// The signs around one fact at `time`: before it (if the campaign existed) and after it.
    public func signs(before: Campaign?, after: Campaign, at time: Date) -> [ReportWarningRaised] {
        let earlier = before.map { signs(of: $0, at: time) } ?? []
        let later = signs(of: after, at: time)
        let seen = Set(earlier.map(\.key))
        return earlier + later.filter { !seen.contains($0.key) }
    }

    /// The signs of `campaign` at `now`.
    public func signs(of campaign: Campaign, at now: Date) -> [ReportWarningRaised] {
        WarningSigns.detect(in: campaign, at: now, rules: rules).map { sign in
            let routing = WarningRouting(sign)
            return ReportWarningRaised(
                campaignID: campaign.id, sign: sign, stage: campaign.stage, detectedAt: now,
                evidence: evidence(sign, in: campaign),
                route: Escalations.escalate(
                    routing.reason, campaign: campaign.id, subject: routing.subject, deadline: routing.deadline,
                    rules: rules),
                key: key(sign, of: campaign))
        }
    }

    /// `campaign/kind/instance`: what makes the sign one warning.
    func key(_ sign: WarningSign, of campaign: Campaign) -> String {
        let instance: String
        switch sign {
        case .missingMVP: instance = "hold-\(campaign.holdCount)"
        case .editRoundsAfterRequesterApproval(let count), .editsAfterQAPassed(let count): instance = "\(count)"
        case .longHold(let stage, let since): instance = "\(stage.rawValue)@\(Self.seconds(since))"
        case .missedDeadline(let deadline):
            instance = "\(deadline.approvalStep ?? deadline.step.rawValue)@\(Self.seconds(deadline.dueAt))"
        case .missedLaunchDate(let day): instance = day.iso
        }
        return "\(campaign.id.rawValue)/\(WarningKind(sign).rawValue)/\(instance)"
    }

    /// What shows the sign, in one sentence.
    func evidence(_ sign: WarningSign, in campaign: Campaign) -> String {
        let thresholds = rules.warnings
        switch sign {
        case .missingMVP(let missing):
            return "held in intake (hold \(campaign.holdCount)); missing: "
                + missing.map(\.rawValue).joined(separator: ", ")
        case .editRoundsAfterRequesterApproval(let count):
            return "\(count) edit rounds after the requester approved (threshold \(thresholds.editRoundsAfterRequesterApproval))"
        case .editsAfterQAPassed(let count):
            return "\(count) edits after QA passed (threshold \(thresholds.editsAfterQAPassed))"
        case .longHold(let stage, let since):
            return "in \(stage.rawValue) since \(RFC3339.string(from: since)), past the long-hold threshold of \(thresholds.longHold)"
        case .missedDeadline(let deadline):
            let step = deadline.approvalStep.map { "approval step \($0)" } ?? deadline.step.rawValue
            return "\(step) (owner \(deadline.owner.rawValue)) started \(RFC3339.string(from: deadline.startedAt)), "
                + "due \(RFC3339.string(from: deadline.dueAt))"
        case .missedLaunchDate(let day):
            return "launch date \(day.iso) passed while in \(campaign.stage.rawValue)"
        }
    }

    private static func seconds(_ date: Date) -> Int { Int(date.timeIntervalSince1970.rounded(.down)) }
}
