import Domain

/// Which configured escalation route a warning sign follows: a missed approval deadline is a delayed approval
/// (to the marketing ops lead by default); every other sign is a problem of the line's flow and follows the
/// SLA-breach route (marketing ops by default). Routes come from the `escalations` section of the config.
public struct WarningRouting: Sendable, Hashable {
    /// The escalation reason whose route is used.
    public var reason: EscalationReason
    /// What the escalation is about: the step, approval step or sign.
    public var subject: String
    /// The missed deadline, when the sign is one.
    public var deadline: SLADeadline?

    /// The routing of `sign`.
    public init(_ sign: WarningSign) {
        switch sign {
        case .missedDeadline(let deadline):
            reason = deadline.step == .approval ? .delayedApproval : .slaBreach
            subject = deadline.approvalStep ?? deadline.step.rawValue
            self.deadline = deadline
        default:
            reason = .slaBreach
            subject = WarningKind(sign).rawValue
            deadline = nil
        }
    }
}
