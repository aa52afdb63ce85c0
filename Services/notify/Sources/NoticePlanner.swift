import Contracts
import Domain
import Foundation

/// Decides who is told what for one bus event: pure, from the campaign as it was before and after the event,
/// the rules' roster and escalation routes, and the dashboard's base URL.
///
/// | event | kind | to |
/// |---|---|---|
/// | fact `specialist_assigned` | `assignment` | the specialist |
/// | fact `sent_to_requester` | `review_requested` | the requester |
/// | fact `qa_requested` | `review_requested` | QA reviewers who never built it |
/// | fact `qa_recorded` (failed), `qa.report.ready` (failed) | `qa_failed` | the specialist |
/// | a fact that opens approval steps | `approval_needed` | holders of each newly open step's role |
/// | `campaign.escalation.raised` `sla_breach` | `sla_breached` | the route's role or person |
/// | `campaign.escalation.raised` other reasons | `escalation` | the route's role or person |
/// | fact `went_live` | `go_live` | requester, specialist and marketing ops |
/// | a running step's SLA due soon (``DueSoonTicker``) | `sla_due_soon` | the specialist or requester it waits on, else the owner role |
public struct NoticePlanner: Sendable {
    let rules: Rules
    let text: NoticeText

    /// A planner over `rules`, linking to `dashboardURL` (e.g. `http://127.0.0.1:7788`).
    public init(rules: Rules, dashboardURL: String) {
        self.rules = rules
        self.text = NoticeText(dashboardURL: dashboardURL)
    }

    /// The notices a campaign fact causes; `before` is nil for the first fact.
    public func notices(for fact: DomainEvent, before: Campaign?, after: Campaign) -> [Notice] {
        var planned: [(NotificationKind, NoticeAudience, String)] = []
        switch fact.fact {
        case .specialistAssigned(let user):
            planned.append((.assignment, .person(user), "You were assigned to build it."))
        case .sentToRequester(let round):
            planned.append((.reviewRequested, .person(after.request.requester), "Review round \(round) waits for you."))
        case .qaRequested:
            let builders = Set(after.builders)
            for person in rules.people(holding: .qaReviewer) where !builders.contains(person.id) {
                planned.append((.reviewRequested, .person(person.id), "QA is requested; run the checklist."))
            }
        case .qaRecorded(let verdict) where verdict.outcome == .failed:
            if let specialist = after.specialist {
                let findings = verdict.findings.map { "- \($0)" }.joined(separator: "\n")
                planned.append((.qaFailed, .person(specialist), "QA by \(verdict.reviewer) failed:\n\(findings)"))
            }
        case .wentLive:
            var audience: [NoticeAudience] = [.person(after.request.requester)]
            if let specialist = after.specialist { audience.append(.person(specialist)) }
            audience.append(.role(.marketingOps))
            for who in audience { planned.append((.goLive, who, "It is live.")) }
        default:
            break
        }
        let wasOpen = Set((before?.approvals?.openSteps ?? []).map(\.step.id))
        for state in after.approvals?.openSteps ?? [] where !wasOpen.contains(state.step.id) {
            planned.append((.approvalNeeded, .role(state.step.role), "Approval step \(state.step.id) waits for your decision."))
        }
        return resolve(planned, campaign: after.id, title: after.request.title)
    }

    /// The notices an escalation causes.
    public func notices(for raised: EscalationRaised, title: String?) -> [Notice] {
        let escalation = raised.escalation
        let audience: NoticeAudience
        if let user = escalation.notifyUser {
            audience = .person(user)
        } else if let role = escalation.notifyRole {
            audience = .role(role)
        } else {
            return []
        }
        let kind: NotificationKind = escalation.reason == .slaBreach ? .slaBreached : .escalation
        var detail = "Escalated (\(escalation.reason.rawValue)): \(escalation.subject)."
        if let deadline = escalation.deadline {
            detail += " It was due \(RFC3339.string(from: deadline.dueAt)) (owner \(deadline.owner))."
        }
        return resolve([(kind, audience, detail)], campaign: escalation.campaignID, title: title)
    }

    /// The notices a running step's deadline due soon causes: whoever it waits on — the campaign's specialist or
    /// requester when the step's owner is that role, else every holder of the owner role (an approval step's role).
    public func notices(dueSoon deadline: SLADeadline, of campaign: Campaign) -> [Notice] {
        let audience: NoticeAudience
        if deadline.owner == .specialist, let specialist = campaign.specialist {
            audience = .person(specialist)
        } else if deadline.owner == .requester {
            audience = .person(campaign.request.requester)
        } else {
            audience = .role(deadline.owner)
        }
        let step = deadline.approvalStep.map { "Approval step \($0)" } ?? "The \(deadline.step.rawValue) step"
        let detail = "\(step) is due \(RFC3339.string(from: deadline.dueAt)) (owner \(deadline.owner))."
        return resolve([(.slaDueSoon, audience, detail)], campaign: campaign.id, title: campaign.request.title)
    }

    /// The notices an automated QA report causes: a failed one tells the specialist.
    public func notices(for report: QAReportReady, campaign: Campaign?) -> [Notice] {
        guard report.verdict == .failed, let specialist = campaign?.specialist else { return [] }
        let detail = "Automated QA found \(report.errors) error(s); the first: \(report.findings.first?.message ?? "-")"
        return resolve([(.qaFailed, .person(specialist), detail)], campaign: report.campaignID, title: campaign?.request.title)
    }

    private func resolve(_ planned: [(NotificationKind, NoticeAudience, String)], campaign: CampaignID, title: String?)
        -> [Notice]
    {
        var seen = Set<String>()
        var notices: [Notice] = []
        for (kind, audience, detail) in planned {
            for person in audience.people(in: rules) where seen.insert("\(kind.rawValue)/\(person.id)").inserted {
                notices.append(text.notice(kind, campaign: campaign, title: title, to: person, detail: detail))
            }
        }
        return notices
    }
}
