import Foundation

/// The SMTP server notifications are sent through. YAML keys: `host`, `port` (default 587), `from`,
/// `security` (`starttls`, the default, which refuses a server without STARTTLS; or `plain`, for tests on
/// loopback), `username`, `password_file` or `password_env`, `helo` (default `marquee-notify`), and
/// `trust_roots_file` (a PEM bundle to verify the server with instead of the system's).
public struct EmailSettings: Sendable, Codable {
    public enum Security: String, Sendable, Codable {
        case starttls
        case plain
    }

    public var host: String
    public var port: Int
    public var from: String
    public var security: Security
    public var username: String?
    public var passwordFile: String?
    public var passwordEnv: String?
    public var helo: String
    public var trustRootsFile: String?

    public init(
        host: String, port: Int = 587, from: String, security: Security = .starttls, username: String? = nil,
        passwordFile: String? = nil, passwordEnv: String? = nil, helo: String = "marquee-notify",
        trustRootsFile: String? = nil
    ) {
        self.host = host
        self.port = port
        self.from = from
        self.security = security
        self.username = username
        self.passwordFile = passwordFile
        self.passwordEnv = passwordEnv
        self.helo = helo
        self.trustRootsFile = trustRootsFile
    }

    /// The password, from the file or the environment.
    public func password(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Secret? {
        try Secret.read(file: passwordFile, variable: passwordEnv, environment: environment)
    }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case host, port, from, security, username, helo
        case passwordFile = "password_file"
        case passwordEnv = "password_env"
        case trustRootsFile = "trust_roots_file"
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            host: try c.decode(String.self, forKey: .host), port: try c.decodeIfPresent(Int.self, forKey: .port) ?? 587,
            from: try c.decode(String.self, forKey: .from),
            security: try c.decodeIfPresent(Security.self, forKey: .security) ?? .starttls,
            username: try c.decodeIfPresent(String.self, forKey: .username),
            passwordFile: try c.decodeIfPresent(String.self, forKey: .passwordFile),
            passwordEnv: try c.decodeIfPresent(String.self, forKey: .passwordEnv),
            helo: try c.decodeIfPresent(String.self, forKey: .helo) ?? "marquee-notify",
            trustRootsFile: try c.decodeIfPresent(String.self, forKey: .trustRootsFile))
    }
}
