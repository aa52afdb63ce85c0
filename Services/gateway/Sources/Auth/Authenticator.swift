import Foundation
import HTTPTypes
import GRDB
import Hummingbird
import ServiceKit

/// Finds the ``Actor`` of a request — a bearer API token (`Authorization: Bearer mqt_…`) or the session cookie —
/// and enforces CSRF on cookie-authenticated unsafe requests (the `X-CSRF-Token` header or a form's `_csrf` field
/// must equal the session's token).
struct Authenticator: Sendable {
    let store: ServiceStore
    let clock: WallClock

    /// The session cookie's name.
    static let cookie = "marquee_session"
    /// The header carrying the CSRF token of a cookie session.
    static let csrfHeader = HTTPField.Name("X-CSRF-Token")!

    /// The actor, or nil when the request carries no valid credential.
    func actor(of request: Request) async throws -> Actor? {
        let now = clock.now()
        if let authorization = request.headers[.authorization] {
            guard authorization.hasPrefix("Bearer ") else { return nil }
            let secret = String(authorization.dropFirst("Bearer ".count))
            return try await store.pool.read { db in try SessionStore.tokenUser(secret, in: db) }
                .map { Actor(user: $0, credential: .token) }
        }
        guard let secret = request.cookies[Self.cookie]?.value else { return nil }
        return try await store.pool.read { db in try SessionStore.session(secret, now: now, in: db) }
            .map { Actor(user: $0.0, credential: .session(secret: secret, csrf: $0.csrf)) }
    }

    /// The actor of a safe (reading) request; 401 without one.
    func reader(of request: Request) async throws -> Actor {
        guard let actor = try await actor(of: request) else { throw GatewayProblem.unauthenticated() }
        return actor
    }

    /// The actor of an unsafe (changing) request; 401 without one, 403 when a cookie session's CSRF token is
    /// missing or wrong. `formToken` is the `_csrf` field of a submitted form.
    func writer(of request: Request, formToken: String? = nil) async throws -> Actor {
        let actor = try await reader(of: request)
        if let csrf = actor.csrf {
            let sent = formToken ?? request.headers[Self.csrfHeader]
            guard let sent, Self.equal(sent, csrf) else {
                throw GatewayProblem.forbidden("the CSRF token is missing or wrong; reload the page")
            }
        }
        return actor
    }

    /// Compares in time independent of where the strings differ.
    static func equal(_ a: String, _ b: String) -> Bool {
        let (x, y) = (Array(a.utf8), Array(b.utf8))
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
