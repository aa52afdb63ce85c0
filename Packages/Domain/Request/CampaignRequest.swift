import Foundation

/// A campaign request as the requester submits it at intake.
///
/// Only `title`, `requester` and `type` are required on the wire; everything else may be absent so that
/// triage can hold the request with the exact missing items. Wire keys: `title`, `requester`,
/// `objective`, `type`, `brief`, `outline`, `asset_needs`, `timeline`.
public struct CampaignRequest: Sendable, Hashable, Codable {
    /// A short name for the campaign.
    public var title: String
    /// Who asks for the campaign.
    public var requester: UserID
    /// What the campaign is for.
    public var objective: Objective?
    /// The kind of campaign; selects MVP fields and the approval route.
    public var type: CampaignType
    /// Goal, audience, key message, channels, budget, launch date, SWOT.
    public var brief: Brief
    /// The outline of the campaign's content.
    public var outline: String?
    /// The assets the campaign needs, each a design request.
    public var assetNeeds: [AssetNeed]
    /// Dated milestones up to launch.
    public var timeline: [Milestone]

    /// Creates a request.
    public init(title: String, requester: UserID, objective: Objective? = nil, type: CampaignType,
                brief: Brief = Brief(), outline: String? = nil, assetNeeds: [AssetNeed] = [],
                timeline: [Milestone] = []) {
        self.title = title
        self.requester = requester
        self.objective = objective
        self.type = type
        self.brief = brief
        self.outline = outline
        self.assetNeeds = assetNeeds
        self.timeline = timeline
    }

    private enum CodingKeys: String, CodingKey {
        case title
        case requester
        case objective
        case type
        case brief
        case outline
        case assetNeeds = "asset_needs"
        case timeline
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        title = try c.decode(String.self, forKey: .title)
        requester = try c.decode(UserID.self, forKey: .requester)
        objective = try c.decodeIfPresent(Objective.self, forKey: .objective)
        type = try c.decode(CampaignType.self, forKey: .type)
        brief = try c.decodeIfPresent(Brief.self, forKey: .brief) ?? Brief()
        outline = try c.decodeIfPresent(String.self, forKey: .outline)
        assetNeeds = try c.decodeIfPresent([AssetNeed].self, forKey: .assetNeeds) ?? []
        timeline = try c.decodeIfPresent([Milestone].self, forKey: .timeline) ?? []
    }
}
