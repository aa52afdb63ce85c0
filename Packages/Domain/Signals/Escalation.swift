import Foundation

/// An escalation to execute: who to tell, whether to flag, whether to log a request.
///
/// Wire keys: `reason`, `campaign_id`, `notify_role`, `notify_user`, `raise_flag`, `log_request`,
/// `subject`, `deadline`.
public struct Escalation: Sendable, Hashable, Codable {
    /// Why.
    public var reason: EscalationReason
    /// The campaign concerned.
    public var campaignID: CampaignID
    /// The role to tell, when the route names a role.
    public var notifyRole: Role?
    /// The person to tell, when the route names the document owner.
    public var notifyUser: UserID?
    /// Whether the campaign gets a visible flag.
    public var raiseFlag: Bool
    /// Whether a request is logged to the recipient.
    public var logRequest: Bool
    /// What it is about: the approval step, SLA step, template or budget note.
    public var subject: String
    /// The missed deadline, for SLA escalations.
    public var deadline: SLADeadline?

    /// Creates an escalation.
    public init(reason: EscalationReason, campaignID: CampaignID, notifyRole: Role? = nil, notifyUser: UserID? = nil,
                raiseFlag: Bool = false, logRequest: Bool = false, subject: String, deadline: SLADeadline? = nil) {
        self.reason = reason
        self.campaignID = campaignID
        self.notifyRole = notifyRole
        self.notifyUser = notifyUser
        self.raiseFlag = raiseFlag
        self.logRequest = logRequest
        self.subject = subject
        self.deadline = deadline
    }

    /// A stable key for executing each escalation once (reason, campaign, subject and due time).
    public var key: String {
        let due = deadline.map { String(Int($0.dueAt.timeIntervalSince1970)) } ?? "-"
        return "\(campaignID)/\(reason.rawValue)/\(subject)/\(due)"
    }

    private enum CodingKeys: String, CodingKey {
        case reason, subject, deadline
        case campaignID = "campaign_id"
        case notifyRole = "notify_role"
        case notifyUser = "notify_user"
        case raiseFlag = "raise_flag"
        case logRequest = "log_request"
    }
}

/// Turns breaches and problems into escalations along the configured routes.
public enum Escalations {
    /// Builds the escalation for `reason` along its route in `rules`; `documentOwner` is the person told
    /// when the route targets the document owner. Without a configured route nobody is notified, but the
    /// campaign is flagged so the problem stays visible.
    public static func escalate(_ reason: EscalationReason, campaign: CampaignID, subject: String,
                                documentOwner: UserID? = nil, deadline: SLADeadline? = nil,
                                rules: Rules) -> Escalation {
        guard let route = rules.escalations[reason] else {
            return Escalation(reason: reason, campaignID: campaign, raiseFlag: true, subject: subject, deadline: deadline)
        }
        var escalation = Escalation(
            reason: reason, campaignID: campaign, raiseFlag: route.raiseFlag, logRequest: route.logRequest,
            subject: subject, deadline: deadline)
        switch route.notify {
        case .role(let role): escalation.notifyRole = role
        case .documentOwner: escalation.notifyUser = documentOwner
        }
        return escalation
    }

    /// Escalations for every overdue deadline of `campaign` at `now`: an approval step is a delayed
    /// approval, any other step an SLA breach.
    public static func overdue(_ campaign: Campaign, at now: Date, rules: Rules) -> [Escalation] {
        SLAClock(rules: rules).openDeadlines(of: campaign).filter { $0.isOverdue(at: now) }.map { deadline in
            let isApproval = deadline.step == .approval
            return escalate(
                isApproval ? .delayedApproval : .slaBreach, campaign: campaign.id,
                subject: deadline.approvalStep ?? deadline.step.rawValue, deadline: deadline, rules: rules)
        }
    }

    /// A document needs a template the library lacks: flag it and ask the document's owner.
    public static func missingTemplate(_ template: String, campaign: CampaignID, documentOwner: UserID,
                                       rules: Rules) -> Escalation {
        escalate(.missingTemplate, campaign: campaign, subject: template, documentOwner: documentOwner, rules: rules)
    }

    /// Escalations an event calls for: a rejection by a step held by finance is a budget issue.
    public static func caused(by event: DomainEvent, in campaign: Campaign, rules: Rules) -> [Escalation] {
        guard case .approvalRejected(let decision) = event.fact,
            campaign.approvals?.steps.first(where: { $0.step.id == decision.step })?.step.role == .finance
        else { return [] }
        return [escalate(.budgetIssue, campaign: campaign.id, subject: decision.step, rules: rules)]
    }
}
