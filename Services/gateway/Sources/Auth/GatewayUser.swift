import Domain

/// Someone who may use the gateway: a person of the rules (their id is the `by`/`approver`/`reviewer` of what
/// they do on the line) or the administrator, with the roles the gateway checks.
public struct GatewayUser: Sendable, Hashable, Codable {
    public var id: UserID
    public var name: String
    public var roles: [Role]

    public init(id: UserID, name: String, roles: [Role]) {
        self.id = id
        self.name = name
        self.roles = roles
    }

    /// Whether the user holds any of `roles`.
    public func holdsAny(of roles: [Role]) -> Bool { self.roles.contains(where: roles.contains) }
}

extension Role {
    /// The gateway's own role: manages users and reads the audit log; never acts on campaigns.
    public static let admin: Role = "admin"
}
