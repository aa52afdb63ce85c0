import Foundation

/// The minimum viable request for one campaign type: the fields it must have, in the order the
/// requester is asked for them, and the role a complete request is routed to.
///
/// Wire/YAML: `{"fields": ["title", "goal", …], "assign_to": "specialist"}`.
public struct MVPRule: Sendable, Hashable, Codable {
    /// Required fields, in the order missing ones are reported.
    public var fields: [MVPField]
    /// The role a complete request is assigned to.
    public var assignTo: Role

    /// Creates a rule.
    public init(fields: [MVPField], assignTo: Role = .specialist) {
        self.fields = fields
        self.assignTo = assignTo
    }

    /// The rule used for a type the rules do not list: the fields every campaign needs.
    public static let fallback = MVPRule(
        fields: [.title, .objective, .goal, .audience, .keyMessage, .channels, .launchDate])

    /// Triage under this rule: assign when every field is provided, else hold with every missing field.
    public func triage(_ request: CampaignRequest) -> TriageDecision {
        var seen = Set<MVPField>()
        let missing = fields.filter { seen.insert($0).inserted && !request.provides($0) }
        return missing.isEmpty ? .assign(to: assignTo) : .hold(missing: missing)
    }

    private enum CodingKeys: String, CodingKey {
        case fields
        case assignTo = "assign_to"
    }
}

/// Runs MVP triage for `request` under `rules`: `.assign(to:)` when complete for its type, else
/// `.hold(missing:)` with the exact missing items in rule order.
public func triage(_ request: CampaignRequest, rules: Rules) -> TriageDecision {
    rules.mvpRule(for: request.type).triage(request)
}
