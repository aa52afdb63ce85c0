import Foundation

/// A role on the production line (requester, specialist, legal…). Roles are data: the config lists them,
/// and the well-known ones used by the built-in rules are named below.
///
/// On the wire it is a snake_case string, e.g. `"marketing_ops_lead"`.
public struct Role: StringIdentifier {
    /// The role's snake_case name.
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
}

extension Role {
    /// Submits campaign requests (product marketers, event owners).
    public static let requester: Role = "requester"
    /// Triages requests, assigns specialists, watches SLAs.
    public static let marketingOps: Role = "marketing_ops"
    /// Receives escalations of delayed approvals.
    public static let marketingOpsLead: Role = "marketing_ops_lead"
    /// Builds the campaign (emails, landing pages, audience lists).
    public static let specialist: Role = "specialist"
    /// Produces the assets of design requests.
    public static let designer: Role = "designer"
    /// Runs the QA checklist; never the builder.
    public static let qaReviewer: Role = "qa_reviewer"
    /// Signs off on every campaign.
    public static let marketingLead: Role = "marketing_lead"
    /// Signs off on legal and compliance.
    public static let legal: Role = "legal"
    /// Signs off on brand use.
    public static let brand: Role = "brand"
    /// Signs off on budgets above the thresholds.
    public static let finance: Role = "finance"
    /// Receives escalations of budget issues.
    public static let financeOps: Role = "finance_ops"
}
