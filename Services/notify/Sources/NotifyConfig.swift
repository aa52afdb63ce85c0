import Contracts
import Domain
import Foundation
import Yams

/// marquee-notify's configuration, a YAML file given with `--notify-config` (see docs/notify.md). Every key is
/// optional: without a file, notifications go to the dashboard inbox only.
///
/// ```yaml
/// dashboard_url: https://marquee.example.com
/// default_channels: [email, inbox]
/// stale_after_hours: 24
/// due_soon_hours: 4
/// email: {host: smtp.example.com, port: 587, from: "Marquee <marquee@example.com>", security: starttls,
///         username: marquee, password_file: /run/secrets/smtp}
/// webhooks:
///   - {name: ops-chat, format: slack, url: "https://hooks.example.com/T000/B000", kinds: [escalation, sla_breached]}
///   - {name: audit, format: signed, url: "https://audit.example.com/marquee", secret_env: MARQUEE_AUDIT_SECRET}
/// people:
///   ana: {channels: {qa_failed: [inbox]}, quiet_hours: {from: "20:00", to: "08:00", time_zone: Europe/Berlin}}
/// retry: {max_attempts: 6, first_delay_ms: 1000, max_delay_ms: 300000}
/// ```
public struct NotifyConfig: Sendable, Codable {
    /// Links in notifications point here.
    public var dashboardURL: String
    /// The channels a kind reaches people on unless their preferences say otherwise.
    public var defaultChannels: [PersonalChannel]
    /// Events older than this when handled (a rebuild, a long outage) notify nobody.
    public var staleAfterHours: Double
    /// Business hours left on a running step's SLA when "SLA due soon" goes out (0: never).
    public var dueSoonHours: Double
    /// The SMTP server; without it, email preferences are ignored.
    public var email: EmailSettings?
    /// Team chat feeds.
    public var webhooks: [WebhookSettings]
    /// Per-person preferences by user id.
    public var people: [String: Preferences]
    /// Retries of every outgoing channel.
    public var retry: RetryPolicy

    /// The defaults: dashboard at `http://127.0.0.1:7788`, email and inbox, no SMTP, no webhooks.
    public init(
        dashboardURL: String = "http://127.0.0.1:7788", defaultChannels: [PersonalChannel] = [.email, .inbox],
        staleAfterHours: Double = 24, dueSoonHours: Double = 4, email: EmailSettings? = nil, webhooks: [WebhookSettings] = [],
        people: [String: Preferences] = [:], retry: RetryPolicy = RetryPolicy()
    ) {
        self.dashboardURL = dashboardURL
        self.defaultChannels = defaultChannels
        self.staleAfterHours = staleAfterHours
        self.dueSoonHours = dueSoonHours
        self.email = email
        self.webhooks = webhooks
        self.people = people
        self.retry = retry
    }

    /// Reads the YAML `text`; throws a `NotifyConfigError` naming what is wrong, and where.
    public static func parse(_ text: String) throws -> NotifyConfig {
        let config: NotifyConfig
        do {
            config = try YAMLDecoder().decode(NotifyConfig.self, from: text.isEmpty ? "{}" : text)
        } catch let error as DecodingError {
            throw NotifyConfigError(error)
        }
        var names = Set<String>()
        for webhook in config.webhooks {
            guard names.insert(webhook.name).inserted else { throw NotifyConfigError("webhook \"\(webhook.name)\" is listed twice") }
            guard [webhook.url, webhook.urlFile, webhook.urlEnv].compactMap({ $0 }).count == 1 else {
                throw NotifyConfigError("webhook \"\(webhook.name)\" needs exactly one of url, url_file and url_env")
            }
            if let url = webhook.url { _ = try WebhookSettings.endpoint(url, webhook: webhook.name) }
            if webhook.format == .signed, webhook.secret == nil {
                throw NotifyConfigError("webhook \"\(webhook.name)\" is signed and needs secret_file or secret_env")
            }
        }
        return config
    }

    /// `path`'s configuration, or the defaults when `path` is nil.
    public static func load(_ path: String?) throws -> NotifyConfig {
        guard let path else { return NotifyConfig() }
        return try parse(try String(contentsOfFile: path, encoding: .utf8))
    }

    /// The preferences of `user` (empty when not configured).
    public func preferences(of user: UserID) -> Preferences { people[user.rawValue] ?? Preferences() }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case dashboardURL = "dashboard_url"
        case defaultChannels = "default_channels"
        case staleAfterHours = "stale_after_hours"
        case dueSoonHours = "due_soon_hours"
        case email, webhooks, people, retry
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = NotifyConfig()
        dashboardURL = try c.decodeIfPresent(String.self, forKey: .dashboardURL) ?? defaults.dashboardURL
        defaultChannels = try c.decodeIfPresent([PersonalChannel].self, forKey: .defaultChannels) ?? defaults.defaultChannels
        staleAfterHours = try c.decodeIfPresent(Double.self, forKey: .staleAfterHours) ?? defaults.staleAfterHours
        dueSoonHours = try c.decodeIfPresent(Double.self, forKey: .dueSoonHours) ?? defaults.dueSoonHours
        email = try c.decodeIfPresent(EmailSettings.self, forKey: .email)
        webhooks = try c.decodeIfPresent([WebhookSettings].self, forKey: .webhooks) ?? []
        people = try c.decodeIfPresent([String: Preferences].self, forKey: .people) ?? [:]
        retry = try c.decodeIfPresent(RetryPolicy.self, forKey: .retry) ?? RetryPolicy()
    }
}

/// A configuration that does not decode or makes no sense, as one sentence.
public struct NotifyConfigError: Error, Sendable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }

    /// The sentence for a decoding failure: where in the file (`people.ana.quiet_hours`) and what is wrong.
    init(_ error: DecodingError) {
        func place(_ path: [any CodingKey]) -> String {
            path.isEmpty ? "the file" : path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case let .keyNotFound(key, context):
            self.init("\(place(context.codingPath)): \(key.stringValue) is missing")
        case let .typeMismatch(type, context), let .valueNotFound(type, context):
            self.init("\(place(context.codingPath)): expected \(type)")
        case let .dataCorrupted(context):
            self.init("\(place(context.codingPath)): \(context.debugDescription)")
        @unknown default:
            self.init("\(error)")
        }
    }
}
