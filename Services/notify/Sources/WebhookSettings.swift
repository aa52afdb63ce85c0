import Contracts
import Foundation

/// A team chat feed. YAML keys: `name`, `format` (`slack`: `{"text": …}` for Slack-compatible incoming
/// webhooks; `signed`: the notification as JSON with an HMAC-SHA256 signature header), `url`, `kinds` (the
/// kinds it receives; every kind when absent), and for `signed` `secret_file` or `secret_env`.
public struct WebhookSettings: Sendable, Codable {
    public enum Format: String, Sendable, Codable {
        case slack
        case signed
    }

    public var name: String
    public var format: Format
    public var url: String
    public var kinds: [NotificationKind]?
    public var secretFile: String?
    public var secretEnv: String?

    public init(
        name: String, format: Format, url: String, kinds: [NotificationKind]? = nil, secretFile: String? = nil,
        secretEnv: String? = nil
    ) {
        self.name = name
        self.format = format
        self.url = url
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

    /// The delivery channel's name: `webhook:<name>`.
    public var channel: String { "webhook:\(name)" }

    private enum CodingKeys: String, CodingKey {
        case name, format, url, kinds
        case secretFile = "secret_file"
        case secretEnv = "secret_env"
    }
}
