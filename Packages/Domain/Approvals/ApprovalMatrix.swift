import Foundation

/// When a matrix step applies. Every given part must hold; an empty condition always holds.
///
/// YAML/wire: `{"channels_any": ["paid"], "budget_at_least": {"amount_minor": 1000000, "currency": "EUR"}}`.
public struct ApprovalCondition: Sendable, Hashable, Codable {
    /// The step applies when the campaign uses at least one of these channels.
    public var channelsAny: [Channel]?
    /// The step applies when the budget reaches this threshold (see `Money.reaches(_:)`); a request
    /// without a budget does not reach it.
    public var budgetAtLeast: Money?

    /// Creates a condition.
    public init(channelsAny: [Channel]? = nil, budgetAtLeast: Money? = nil) {
        self.channelsAny = channelsAny
        self.budgetAtLeast = budgetAtLeast
    }

    /// Whether `request` meets the condition.
    public func holds(for request: CampaignRequest) -> Bool {
        if let channels = channelsAny, !channels.contains(where: request.brief.channels.contains) { return false }
        if let threshold = budgetAtLeast {
            guard let budget = request.brief.budget, budget.reaches(threshold) else { return false }
        }
        return true
    }

    private enum CodingKeys: String, CodingKey {
        case channelsAny = "channels_any"
        case budgetAtLeast = "budget_at_least"
    }
}

/// One row of the approval matrix for a campaign type.
///
/// Steps run in list order; a step with `parallel_with_previous: true` runs at the same time as the
/// step before it. YAML/wire keys: `step`, `role`, `when`, `parallel_with_previous` (default false),
/// `distinct_from_requester` (default true), `turnaround` (default: the `approval` SLA).
public struct ApprovalStepRule: Sendable, Hashable, Codable {
    /// The step's id, unique within its route (e.g. `"legal"`).
    public var step: String
    /// Who signs off.
    public var role: Role
    /// When the step applies; `nil` means always.
    public var when: ApprovalCondition?
    /// Whether the step runs in parallel with the previous applicable step.
    public var parallelWithPrevious: Bool
    /// Whether the requester is barred from signing this step (separation of duties).
    public var distinctFromRequester: Bool
    /// The step's own turnaround, overriding the `approval` SLA.
    public var turnaround: BusinessDuration?

    /// Creates a matrix row.
    public init(step: String, role: Role, when: ApprovalCondition? = nil, parallelWithPrevious: Bool = false,
                distinctFromRequester: Bool = true, turnaround: BusinessDuration? = nil) {
        self.step = step
        self.role = role
        self.when = when
        self.parallelWithPrevious = parallelWithPrevious
        self.distinctFromRequester = distinctFromRequester
        self.turnaround = turnaround
    }

    private enum CodingKeys: String, CodingKey {
        case step
        case role
        case when
        case parallelWithPrevious = "parallel_with_previous"
        case distinctFromRequester = "distinct_from_requester"
        case turnaround
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        step = try c.decode(String.self, forKey: .step)
        role = try c.decode(Role.self, forKey: .role)
        when = try c.decodeIfPresent(ApprovalCondition.self, forKey: .when)
        parallelWithPrevious = try c.decodeIfPresent(Bool.self, forKey: .parallelWithPrevious) ?? false
        distinctFromRequester = try c.decodeIfPresent(Bool.self, forKey: .distinctFromRequester) ?? true
        turnaround = try c.decodeIfPresent(BusinessDuration.self, forKey: .turnaround)
    }
}

/// The approval matrix: the ordered approval steps per campaign type.
///
/// YAML/wire: an object keyed by campaign type, `{"product_launch": [{"step": "marketing_lead", …}], …}`.
public struct ApprovalMatrix: Sendable, Hashable, Codable {
    /// Steps per campaign type, in order.
    public var routes: [CampaignType: [ApprovalStepRule]]

    /// Creates a matrix.
    public init(_ routes: [CampaignType: [ApprovalStepRule]]) { self.routes = routes }

    public init(from decoder: any Decoder) throws {
        routes = try decoder.singleValueContainer().decode([CampaignType: [ApprovalStepRule]].self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(routes)
    }
}
