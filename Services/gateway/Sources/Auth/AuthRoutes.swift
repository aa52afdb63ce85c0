import Contracts
import Domain
import Foundation
import HTTPTypes
import GRDB
import Hummingbird
import ServiceKit

/// Signing in and out, API tokens and the audit log:
/// - `POST /api/session` `{"user", "password"}` — sets the session cookie (HttpOnly, SameSite=Strict, Secure behind
///   TLS) and answers the user and the CSRF token unsafe requests of that session must send as `X-CSRF-Token`;
///   a session cookie the browser still sends is revoked (no session fixation), and after 5 failures for a user or a
///   client address (the last `X-Forwarded-For` hop, the one the proxy added) within 15 minutes the next attempts get 429 with `Retry-After`;
/// - `DELETE /api/session` — signs out;
/// - `GET /api/me` — the signed-in user;
/// - `POST /api/tokens` `{"name"}` — a bearer token for scripts, shown once;
/// - `GET /api/audit?limit=` — the latest audit entries (admin only).
struct AuthRoutes: Sendable {
    let store: ServiceStore
    let users: UserDirectory
    let auth: Authenticator
    let clock: WallClock
    /// Whether cookies get `Secure` whatever the request says (the gateway itself serves TLS or sits behind it).
    let secureCookies: Bool
    let throttle: SignInThrottle

    func add(to router: Router<BasicRequestContext>) {
        router.post("api/session") { request, _ in try await signIn(request) }
        router.delete("api/session") { request, _ in try await signOut(request) }
        router.get("api/me") { request, _ in try JSONResponse.make(try await auth.reader(of: request).user) }
        router.post("api/tokens") { request, _ in try await issueToken(request) }
        router.get("api/audit") { request, _ in try await audit(request) }
    }

    struct SignedIn: Codable, Sendable {
        var user: GatewayUser
        var csrfToken: String

        private enum CodingKeys: String, CodingKey {
            case user
            case csrfToken = "csrf_token"
        }
    }

    func signIn(_ request: Request) async throws -> Response {
        let body = try await BodyDecoding.object(of: request)
        guard case .string(let id)? = body["user"], case .string(let password)? = body["password"] else {
            throw GatewayProblem.invalid(
                "user and password are required",
                errors: ["user", "password"].filter { body[$0] == nil }.map { .init(pointer: "#/\($0)", detail: "is required") })
        }
        let now = clock.now()
        let keys = Self.throttleKeys(user: id, request: request)
        if let wait = await throttle.retryAfter(keys, now: now) {
            var response = GatewayProblem(
                type: "too-many-attempts", title: "Too many sign-in attempts", status: 429,
                detail: "too many failed sign-ins; try again in \(wait) seconds"
            ).response
            response.headers[.retryAfter] = String(wait)
            return response
        }
        let (user, secret, csrf): (GatewayUser, String, String)
        do {
            (user, secret, csrf) = try await openSession(id: id, password: password, replacing: request.cookies[Authenticator.cookie]?.value)
        } catch let problem as GatewayProblem where problem.statusCode == 401 {
            await throttle.fail(keys, now: now)
            throw problem
        }
        var response = try JSONResponse.make(SignedIn(user: user, csrfToken: csrf))
        response.setCookie(sessionCookie(secret, request: request))
        return response
    }

    /// What failed sign-ins are counted against: the user id and, behind a proxy, the client address.
    static func throttleKeys(user: String, request: Request) -> [String] {
        let forwarded = request.headers[HTTPField.Name("X-Forwarded-For")!]?.split(separator: ",").last
            .map { $0.trimmingCharacters(in: .whitespaces) }
        return ["user:\(user)"] + (forwarded.map { ["address:\($0)"] } ?? [])
    }

    /// Checks the password and opens a new session (audited), revoking the session `replacing` the browser still
    /// held; 401 for a wrong user or password alike.
    func openSession(id: String, password: String, replacing old: String? = nil) async throws -> (GatewayUser, secret: String, csrf: String) {
        let now = clock.now()
        guard let user = try await users.verify(id: id, password: password) else {
            try await store.pool.write { db in
                try AuditLog.record(.init(at: now, user: UserID(rawValue: id), action: "session.open", outcome: "refused"), in: db)
            }
            throw GatewayProblem.unauthenticated("unknown user or wrong password")
        }
        let (secret, csrf) = try await store.pool.write { db in
            try AuditLog.record(.init(at: now, user: user.id, action: "session.open", outcome: "accepted"), in: db)
            if let old { try SessionStore.close(old, in: db) }
            return try SessionStore.open(for: user.id, now: now, in: db)
        }
        return (user, secret, csrf)
    }

    func signOut(_ request: Request) async throws -> Response {
        let actor = try await auth.writer(of: request)
        let now = clock.now()
        try await store.pool.write { db in
            if case .session(let secret, _) = actor.credential { try SessionStore.close(secret, in: db) }
            try AuditLog.record(.init(at: now, user: actor.user.id, action: "session.close", outcome: "accepted"), in: db)
        }
        var response = Response(status: .noContent)
        response.setCookie(Cookie(name: Authenticator.cookie, value: "", maxAge: 0, path: "/", secure: isSecure(request), httpOnly: true, sameSite: .strict))
        return response
    }

    func issueToken(_ request: Request) async throws -> Response {
        let actor = try await auth.writer(of: request)
        let body = try await BodyDecoding.object(of: request)
        guard case .string(let name)? = body["name"], !name.allSatisfy(\.isWhitespace) else {
            throw GatewayProblem.invalid("a token needs a name", errors: [.init(pointer: "#/name", detail: "is required")])
        }
        let now = clock.now()
        let token = try await store.pool.write { db in
            try AuditLog.record(.init(at: now, user: actor.user.id, action: "token.issue", target: name, outcome: "accepted"), in: db)
            return try SessionStore.issueToken(for: actor.user.id, name: name, now: now, in: db)
        }
        return try JSONResponse.make(["token": token, "name": name], status: .created)
    }

    func audit(_ request: Request) async throws -> Response {
        let actor = try await auth.reader(of: request)
        try actor.require(anyOf: [.admin], to: "reading the audit log")
        let limit = request.uri.queryParameters["limit"].flatMap { Int($0) }.map { min(max($0, 1), 1000) } ?? 100
        return try JSONResponse.make(try await store.pool.read { db in try AuditLog.latest(limit, in: db) })
    }

    /// The session cookie: HttpOnly, SameSite=Strict, Secure when served over TLS.
    func sessionCookie(_ secret: String, request: Request) -> Cookie {
        Cookie(
            name: Authenticator.cookie, value: secret, maxAge: Int(SessionStore.sessionLifetime), path: "/",
            secure: isSecure(request), httpOnly: true, sameSite: .strict)
    }

    /// Whether the client reached the gateway over TLS (directly or through a proxy that says so).
    func isSecure(_ request: Request) -> Bool {
        secureCookies || request.uri.scheme == .https || request.headers[HTTPField.Name("X-Forwarded-Proto")!] == "https"
    }
}
