import Foundation

/// A person on the team and the roles they hold. YAML/wire keys: `id`, `name`, `email`, `roles`.
public struct Person: Sendable, Hashable, Codable {
    /// The person's id.
    public var id: UserID
    /// Display name.
    public var name: String
    /// Where notifications go, if known.
    public var email: String?
    /// The roles the person holds.
    public var roles: [Role]

    /// Creates a person.
    public init(id: UserID, name: String, email: String? = nil, roles: [Role]) {
        self.id = id
        self.name = name
        self.email = email
        self.roles = roles
    }

    private enum CodingKeys: String, CodingKey {
        case id
        case name
        case email
        case roles
    }
}
