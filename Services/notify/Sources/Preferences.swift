import Contracts
import Domain

/// One person's notification preferences. YAML keys: `channels` (kind → channels, e.g. `qa_failed: [inbox]`),
/// `default_channels` (for kinds not listed; the config's defaults when absent), `quiet_hours`.
public struct Preferences: Sendable, Hashable, Codable {
    public var channels: [NotificationKind: [PersonalChannel]]
    public var defaultChannels: [PersonalChannel]?
    public var quietHours: QuietHours?

    public init(
        channels: [NotificationKind: [PersonalChannel]] = [:], defaultChannels: [PersonalChannel]? = nil,
        quietHours: QuietHours? = nil
    ) {
        self.channels = channels
        self.defaultChannels = defaultChannels
        self.quietHours = quietHours
    }

    /// The channels `kind` reaches this person on; `fallback` when neither the kind nor a default is set.
    public func channels(for kind: NotificationKind, fallback: [PersonalChannel]) -> [PersonalChannel] {
        channels[kind] ?? defaultChannels ?? fallback
    }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case channels
        case defaultChannels = "default_channels"
        case quietHours = "quiet_hours"
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        channels = try c.decodeIfPresent([NotificationKind: [PersonalChannel]].self, forKey: .channels) ?? [:]
        defaultChannels = try c.decodeIfPresent([PersonalChannel].self, forKey: .defaultChannels)
        quietHours = try c.decodeIfPresent(QuietHours.self, forKey: .quietHours)
    }
}
