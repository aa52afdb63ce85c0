import Domain

extension MVPField {
    /// Where the field lives in a request body, as a JSON pointer (`#/brief/goal`).
    var pointer: String {
        switch self {
        case .title, .objective, .outline, .timeline: "#/\(rawValue)"
        case .assetNeeds: "#/asset_needs"
        case .goal, .audience, .keyMessage, .channels, .budget, .launchDate, .swot: "#/brief/\(rawValue)"
        }
    }

    /// What the requester is asked for, in a sentence.
    var prompt: String {
        switch self {
        case .title: "give the campaign a title"
        case .objective: "choose the objective (awareness, conversion or retention)"
        case .goal: "say what the campaign should achieve"
        case .audience: "say who the campaign is for"
        case .keyMessage: "give the one message the audience should take away"
        case .channels: "list at least one channel"
        case .budget: "give the budget"
        case .launchDate: "give the launch date"
        case .outline: "outline the content"
        case .assetNeeds: "list the assets needed"
        case .timeline: "give the milestones up to launch"
        case .swot: "add the SWOT analysis"
        }
    }
}

extension TriageDecision {
    /// The missing MVP items as field errors (empty when complete).
    var fieldErrors: [GatewayProblem.FieldError] {
        guard case .hold(let missing) = self else { return [] }
        return missing.map { .init(pointer: $0.pointer, detail: "missing for the minimum viable request: \($0.prompt)") }
    }
}
