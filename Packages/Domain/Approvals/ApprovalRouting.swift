import Foundation

/// One approval step planned for a campaign: a matrix row that applies, with its phase. Steps of the
/// same phase run in parallel; phases run in order.
///
/// Wire keys: `id`, `role`, `phase`, `distinct_from_requester`, `turnaround`.
public struct PlannedApprovalStep: Sendable, Hashable, Codable {
    /// The step's id from the matrix.
    public var id: String
    /// Who signs off.
    public var role: Role
    /// 0-based phase; all steps of one phase are open together.
    public var phase: Int
    /// Whether the requester is barred from signing.
    public var distinctFromRequester: Bool
    /// The step's own turnaround, if the matrix sets one.
    public var turnaround: BusinessDuration?

    /// Creates a planned step.
    public init(id: String, role: Role, phase: Int, distinctFromRequester: Bool = true,
                turnaround: BusinessDuration? = nil) {
        self.id = id
        self.role = role
        self.phase = phase
        self.distinctFromRequester = distinctFromRequester
        self.turnaround = turnaround
    }

    private enum CodingKeys: String, CodingKey {
        case id
        case role
        case phase
        case distinctFromRequester = "distinct_from_requester"
        case turnaround
    }
}

extension ApprovalMatrix {
    /// Routes `request` through the matrix: the steps of its type whose condition holds, in order, with
    /// phases. A parallel step joins the phase of the previous *applicable* step.
    public func route(_ request: CampaignRequest) -> [PlannedApprovalStep] {
        var planned: [PlannedApprovalStep] = []
        for rule in routes[request.type] ?? [] where rule.when?.holds(for: request) ?? true {
            let phase: Int
            if let previous = planned.last {
                phase = rule.parallelWithPrevious ? previous.phase : previous.phase + 1
            } else {
                phase = 0
            }
            planned.append(
                PlannedApprovalStep(
                    id: rule.step, role: rule.role, phase: phase, distinctFromRequester: rule.distinctFromRequester,
                    turnaround: rule.turnaround))
        }
        return planned
    }
}
