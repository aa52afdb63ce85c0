import Foundation

/// Every business rule of the production line in one value: roles and people, MVP fields per type, the
/// approval matrix, SLAs per step, the business calendar, channel asset specs, escalation routes and
/// warning thresholds, and how campaigns launch.
///
/// Decoded from the YAML config with the same snake_case keys it encodes to: `roles`, `people`, `mvp`,
/// `approvals`, `slas`, `calendar`, `channel_specs`, `escalations`, `warnings`, `launch`. `Rules.builtIn` is the
/// complete default.
public struct Rules: Sendable, Hashable, Codable {
    /// Every role the rules may name.
    public var roles: [Role]
    /// The team and their roles; approvers and QA reviewers must hold the role they act in.
    public var people: [Person]
    /// The minimum viable request per campaign type.
    public var mvp: [CampaignType: MVPRule]
    /// The approval matrix.
    public var approvals: ApprovalMatrix
    /// Owner and turnaround per step.
    public var slas: [SLAStep: SLAPolicy]
    /// Working days, hours, holidays and time zone.
    public var calendar: BusinessCalendar
    /// What each channel accepts for assets.
    public var channelSpecs: [Channel: ChannelSpec]
    /// Who gets what escalation.
    public var escalations: [EscalationReason: EscalationRoute]
    /// When patterns become warning signs.
    public var warnings: WarningThresholds
    /// Go-live time on the launch date and the monitoring window.
    public var launch: LaunchPolicy

    /// Creates rules.
    public init(roles: [Role], people: [Person], mvp: [CampaignType: MVPRule], approvals: ApprovalMatrix,
                slas: [SLAStep: SLAPolicy], calendar: BusinessCalendar, channelSpecs: [Channel: ChannelSpec],
                escalations: [EscalationReason: EscalationRoute], warnings: WarningThresholds = WarningThresholds(),
                launch: LaunchPolicy = LaunchPolicy()) {
        self.roles = roles
        self.people = people
        self.mvp = mvp
        self.approvals = approvals
        self.slas = slas
        self.calendar = calendar
        self.channelSpecs = channelSpecs
        self.escalations = escalations
        self.warnings = warnings
        self.launch = launch
    }

    private enum CodingKeys: String, CodingKey {
        case roles
        case people
        case mvp
        case approvals
        case slas
        case calendar
        case channelSpecs = "channel_specs"
        case escalations
        case warnings
        case launch
    }

    /// The MVP rule for `type` (`MVPRule.fallback` when the rules do not list the type).
    public func mvpRule(for type: CampaignType) -> MVPRule { mvp[type] ?? .fallback }

    /// Whether `user` holds `role` according to `people`.
    public func user(_ user: UserID, holds role: Role) -> Bool {
        people.contains { $0.id == user && $0.roles.contains(role) }
    }

    /// Everyone holding `role`, in roster order.
    public func people(holding role: Role) -> [Person] {
        people.filter { $0.roles.contains(role) }
    }

    /// The SLA clock over these rules.
    public var slaClock: SLAClock { SLAClock(rules: self) }
}
