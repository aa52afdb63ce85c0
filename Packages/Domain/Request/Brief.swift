import Foundation

/// The brief of a campaign request: the facts a specialist needs to build it.
///
/// Every field may be absent on the wire, so an incomplete brief still decodes and MVP triage can list
/// exactly what is missing. Wire keys: `goal`, `audience`, `key_message`, `channels`, `budget`,
/// `launch_date` (`"2026-03-03"`), `swot`.
public struct Brief: Sendable, Hashable, Codable {
    /// What the campaign should achieve, in the requester's words.
    public var goal: String?
    /// Who the campaign is for.
    public var audience: String?
    /// The one message the audience should take away.
    public var keyMessage: String?
    /// Where the campaign runs; empty when not yet known.
    public var channels: [Channel]
    /// The budget, if any.
    public var budget: Money?
    /// The day the campaign should go live.
    public var launchDate: Day?
    /// An optional SWOT analysis.
    public var swot: SWOT?

    /// Creates a brief.
    public init(goal: String? = nil, audience: String? = nil, keyMessage: String? = nil, channels: [Channel] = [],
                budget: Money? = nil, launchDate: Day? = nil, swot: SWOT? = nil) {
        self.goal = goal
        self.audience = audience
        self.keyMessage = keyMessage
        self.channels = channels
        self.budget = budget
        self.launchDate = launchDate
        self.swot = swot
    }

    private enum CodingKeys: String, CodingKey {
        case goal
        case audience
        case keyMessage = "key_message"
        case channels
        case budget
        case launchDate = "launch_date"
        case swot
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        goal = try c.decodeIfPresent(String.self, forKey: .goal)
        audience = try c.decodeIfPresent(String.self, forKey: .audience)
        keyMessage = try c.decodeIfPresent(String.self, forKey: .keyMessage)
        channels = try c.decodeIfPresent([Channel].self, forKey: .channels) ?? []
        budget = try c.decodeIfPresent(Money.self, forKey: .budget)
        launchDate = try c.decodeIfPresent(Day.self, forKey: .launchDate)
        swot = try c.decodeIfPresent(SWOT.self, forKey: .swot)
    }
}
