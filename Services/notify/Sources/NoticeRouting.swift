import Contracts
import Domain
import Foundation

/// Where one notice goes, decided from the config: the person's inbox, their email (held back by quiet hours),
/// and the team feeds that receive its kind.
public enum NoticeRoute: Sendable, Hashable {
    /// A `notification.inbox` event for the recipient's dashboard.
    case inbox(Notice)
    /// A queued message: `channel`, `recipient` (`*` for a team feed), `address`, text, and when it is due.
    case queued(QueuedMessage)
}

/// A message bound for the delivery queue.
public struct QueuedMessage: Sendable, Hashable {
    public var channel: String
    public var recipient: String
    public var address: String
    public var kind: NotificationKind
    public var campaignID: CampaignID
    public var title: String
    public var body: String
    public var link: String
    public var dueAt: Date
}

/// Routes notices by the person's preferences, quiet hours and the configured channels. Pure.
public struct NoticeRouting: Sendable {
    let config: NotifyConfig
    let zone: TimeZone

    /// Routing under `config`; quiet hours without a time zone use `zone` (the business calendar's).
    public init(config: NotifyConfig, zone: TimeZone) {
        self.config = config
        self.zone = zone
    }

    /// Every route of `notices`, decided at `now`: per notice its inbox and email, then per kind one message
    /// to each team feed that receives it (listing everyone told).
    public func routes(_ notices: [Notice], at now: Date) -> [NoticeRoute] {
        var routes: [NoticeRoute] = []
        for notice in notices {
            let preferences = config.preferences(of: notice.recipient.id)
            let channels = preferences.channels(for: notice.kind, fallback: config.defaultChannels)
            if channels.contains(.inbox) { routes.append(.inbox(notice)) }
            if channels.contains(.email), config.email != nil, let address = notice.recipient.email {
                let due = preferences.quietHours?.release(now, fallbackZone: zone) ?? now
                routes.append(
                    .queued(
                        QueuedMessage(
                            channel: "email", recipient: notice.recipient.id.rawValue, address: address, kind: notice.kind,
                            campaignID: notice.campaignID, title: notice.title, body: notice.body, link: notice.link,
                            dueAt: due)))
            }
        }
        var kinds: [NotificationKind] = []
        for notice in notices where !kinds.contains(notice.kind) { kinds.append(notice.kind) }
        for kind in kinds {
            let told = notices.filter { $0.kind == kind }
            guard let first = told.first else { continue }
            for webhook in config.webhooks where webhook.receives(kind) {
                routes.append(
                    .queued(
                        QueuedMessage(
                            channel: webhook.channel, recipient: "*",
                            address: told.map(\.recipient.id.rawValue).joined(separator: ","), kind: kind,
                            campaignID: first.campaignID, title: first.title,
                            body: "For \(told.map(\.recipient.name).joined(separator: ", ")).\n" + first.summary,
                            link: first.link, dueAt: now)))
            }
        }
        return routes
    }
}
