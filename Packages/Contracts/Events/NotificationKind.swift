import Domain

/// What a notification is about. Wire values are snake_case; preferences and webhooks name them in the config.
public enum NotificationKind: String, Sendable, Hashable, Codable, CaseIterable, CodingKeyRepresentable {
    /// A specialist was assigned to build a campaign.
    case assignment
    /// A review is asked of someone: the requester's review round, or QA.
    case reviewRequested = "review_requested"
    /// QA failed: the human verdict or the automated report.
    case qaFailed = "qa_failed"
    /// An approval step waits for its approvers.
    case approvalNeeded = "approval_needed"
    /// A step's SLA deadline is near (warning sign of the line's flow before it is missed).
    case slaDueSoon = "sla_due_soon"
    /// A step's SLA deadline passed.
    case slaBreached = "sla_breached"
    /// A delayed approval, a budget issue or a missing template went up its escalation route.
    case escalation
    /// A campaign went live.
    case goLive = "go_live"
}

extension NotificationKind: SchemaDescribed {}
