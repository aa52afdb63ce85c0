import Domain

/// A user as the administrator manages them: id, name, roles and whether the account is disabled (a disabled user
/// cannot sign in, and their sessions and tokens were revoked).
struct UserAccount: Codable, Sendable, Equatable {
    var id: UserID
    var name: String
    var roles: [Role]
    var disabled: Bool
}

/// A user with a fresh one-time password, shown once.
struct OneTimePassword: Codable, Sendable {
    var user: UserAccount
    var password: String
}
