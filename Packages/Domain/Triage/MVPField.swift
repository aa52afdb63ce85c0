import Foundation

/// One item of the minimum viable request. Wire values are snake_case (`"key_message"`, `"launch_date"`…).
public enum MVPField: String, Sendable, Hashable, Codable, CaseIterable {
    case title
    case objective
    case goal
    case audience
    case keyMessage = "key_message"
    case channels
    case budget
    case launchDate = "launch_date"
    case outline
    case assetNeeds = "asset_needs"
    case timeline
    case swot
}

extension CampaignRequest {
    /// Whether `field` has a usable value: text that is not blank, a non-empty list, a present value.
    public func provides(_ field: MVPField) -> Bool {
        switch field {
        case .title: !title.isBlank
        case .objective: objective != nil
        case .goal: !(brief.goal ?? "").isBlank
        case .audience: !(brief.audience ?? "").isBlank
        case .keyMessage: !(brief.keyMessage ?? "").isBlank
        case .channels: !brief.channels.isEmpty
        case .budget: brief.budget != nil
        case .launchDate: brief.launchDate != nil
        case .outline: !(outline ?? "").isBlank
        case .assetNeeds: !assetNeeds.isEmpty
        case .timeline: !timeline.isEmpty
        case .swot: !(brief.swot?.isEmpty ?? true)
        }
    }
}

extension String {
    var isBlank: Bool { allSatisfy(\.isWhitespace) }
}
