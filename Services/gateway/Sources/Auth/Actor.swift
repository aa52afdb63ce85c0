import Domain

/// The signed-in user behind a request and how they proved it.
struct Actor: Sendable, Equatable {
    enum Credential: Sendable, Equatable {
        /// A browser session (cookie); unsafe requests must echo its CSRF token.
        case session(secret: String, csrf: String)
        /// A bearer API token (not sent by browsers on their own, so no CSRF token is needed).
        case token
    }

    var user: GatewayUser
    var credential: Credential

    /// The session's CSRF token, if signed in by cookie.
    var csrf: String? {
        if case .session(_, let csrf) = credential { return csrf }
        return nil
    }

    /// Throws 403 unless the user holds one of `roles`.
    func require(anyOf roles: [Role], to action: String) throws(GatewayProblem) {
        guard user.holdsAny(of: roles) else {
            throw .forbidden("\(action) needs one of the roles \(roles.map(\.rawValue).joined(separator: ", "))")
        }
    }
}
