import Contracts
import Foundation

/// A team chat feed. YAML keys: `name`, `format` (`slack`: `{"text": …}` for Slack-compatible incoming
/// webhooks; `signed`: the notification as JSON with an HMAC-SHA256 signature header), the address as exactly
/// one of `url`, `url_file` or `url_env` (a Slack webhook's address is its credential: keep it out of the
/// YAML with the other two), `kinds` (the kinds it receives; every kind when absent), and for `signed`
/// `secret_file` or `secret_env`.
public struct WebhookSettings: Sendable, Codable {
    public enum Format: String, Sendable, Codable {
        case slack
        case signed
    }

    public var name: String
    public var format: Format
    public var url: String?
    public var urlFile: String?
    public var urlEnv: String?
    public var kinds: [NotificationKind]?
    public var secretFile: String?
    public var secretEnv: String?

    public init(
        name: String, format: Format, url: String? = nil, urlFile: String? = nil, urlEnv: String? = nil,
        kinds: [NotificationKind]? = nil, secretFile: String? = nil, secretEnv: String? = nil
    ) {
        self.name = name
        self.format = format
        self.url = url
        self.urlFile = urlFile
        self.urlEnv = urlEnv
        self.kinds = kinds
        self.secretFile = secretFile
        self.secretEnv = secretEnv
    }

    /// Whether the feed receives `kind`.
    public func receives(_ kind: NotificationKind) -> Bool { kinds?.contains(kind) ?? true }

    /// Whether a secret is configured (read with ``signingKey(environment:)``).
    var secret: String? { secretFile ?? secretEnv }

    /// The HMAC key, from the file or the environment.
    public func signingKey(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Secret? {
        try Secret.read(file: secretFile, variable: secretEnv, environment: environment)
    }

    /// Where deliveries are posted: `url`, or the address read from `url_file` or `url_env`; an http(s) URL.
    public func endpoint(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> URL {
        if let url { return try Self.endpoint(url, webhook: name) }
        guard let address = try Secret.read(file: urlFile, variable: urlEnv, environment: environment) else {
            throw NotifyConfigError("webhook \"\(name)\" has no url, url_file or url_env")
        }
        // The address is a credential: the error does not repeat it.
        guard let url = URL(string: address.value), ["http", "https"].contains(url.scheme ?? "") else {
            throw NotifyConfigError("webhook \"\(name)\": the address in \(urlFile ?? urlEnv ?? "") is not an http(s) URL")
        }
        return url
    }

    /// `text` as a webhook's http(s) URL.
    static func endpoint(_ text: String, webhook: String) throws -> URL {
        guard let url = URL(string: text), ["http", "https"].contains(url.scheme ?? "") else {
            throw NotifyConfigError("webhook \"\(webhook)\": url \"\(text)\" is not http(s)")
        }
        return url
    }

    /// The delivery channel's name: `webhook:<name>`.
    public var channel: String { "webhook:\(name)" }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case name, format, url, kinds
        case urlFile = "url_file"
        case urlEnv = "url_env"
        case secretFile = "secret_file"
        case secretEnv = "secret_env"
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try c.decode(String.self, forKey: .name), format: try c.decode(Format.self, forKey: .format),
            url: try c.decodeIfPresent(String.self, forKey: .url),
            urlFile: try c.decodeIfPresent(String.self, forKey: .urlFile),
            urlEnv: try c.decodeIfPresent(String.self, forKey: .urlEnv),
            kinds: try c.decodeIfPresent([NotificationKind].self, forKey: .kinds),
            secretFile: try c.decodeIfPresent(String.self, forKey: .secretFile),
            secretEnv: try c.decodeIfPresent(String.self, forKey: .secretEnv))
    }
}
