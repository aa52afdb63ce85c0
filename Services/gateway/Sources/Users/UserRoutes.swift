import Contracts
import Domain
import Hummingbird
import ServiceKit

/// User administration (admin only):
/// - `GET /api/users` — every account;
/// - `POST /api/users` `{"id", "name", "roles"}` — a new user; answers their one-time password (shown once);
/// - `POST /api/users/{id}/password` — a new one-time password; their sessions and tokens are revoked;
/// - `POST /api/users/{id}/disable` and `…/enable` — a disabled user cannot sign in and loses every session and token.
///
/// Roles must be the rules' roles or `admin`; each unknown one is a field error.
struct UserRoutes: Sendable {
    let users: UserDirectory
    let rules: Rules
    let auth: Authenticator
    let clock: WallClock

    func add(to router: Router<BasicRequestContext>) {
        router.get("api/users") { request, _ in
            try await admin(request, writing: false)
            return try JSONResponse.make(try await users.accounts())
        }
        router.post("api/users") { request, _ in try await create(request) }
        router.post("api/users/:user/password") { request, context in
            let admin = try await admin(request, writing: true)
            let id = try context.userID()
            if id == admin { throw Self.notYourself("reset your own password") }
            guard let reset = try await users.resetPassword(id, by: admin, at: clock.now()) else { throw Self.unknown(id) }
            return try JSONResponse.make(reset)
        }
        router.post("api/users/:user/disable") { request, context in try await setDisabled(true, request, context) }
        router.post("api/users/:user/enable") { request, context in try await setDisabled(false, request, context) }
    }

    /// The administrator behind `request`; 401/403 otherwise.
    @discardableResult
    func admin(_ request: Request, writing: Bool) async throws -> UserID {
        let actor = writing ? try await auth.writer(of: request) : try await auth.reader(of: request)
        try actor.require(anyOf: [.admin], to: "managing users")
        return actor.user.id
    }

    func create(_ request: Request) async throws -> Response {
        let admin = try await admin(request, writing: true)
        let user = try Self.newUser(try await BodyDecoding.object(of: request), knownRoles: rules.roles + [.admin])
        guard let created = try await users.create(user, by: admin, at: clock.now()) else {
            throw GatewayProblem(type: "user-exists", title: "User exists", status: 409, detail: "there is a user \(user.id) already")
        }
        return try JSONResponse.make(created, status: .created, location: "/api/users")
    }

    func setDisabled(_ disabled: Bool, _ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let admin = try await admin(request, writing: true)
        let id = try context.userID()
        if disabled, id == admin { throw Self.notYourself("disable yourself") }
        guard let account = try await users.setDisabled(disabled, id, by: admin, at: clock.now()) else { throw Self.unknown(id) }
        return try JSONResponse.make(account)
    }

    /// The user a `POST /api/users` body describes; 422 with a field error per bad field.
    static func newUser(_ body: [String: JSONValue], knownRoles: [Role]) throws(GatewayProblem) -> GatewayUser {
        var errors: [GatewayProblem.FieldError] = []
        var id = ""
        if case .string(let text)? = body["id"], isUserID(text) {
            id = text
        } else {
            errors.append(.init(pointer: "#/id", detail: "1-32 of a-z, 0-9, '.', '_', '-', starting with a letter, is required"))
        }
        var name = ""
        if case .string(let text)? = body["name"], !text.allSatisfy(\.isWhitespace), text.count <= 200 {
            name = text
        } else {
            errors.append(.init(pointer: "#/name", detail: "a name of 1-200 characters is required"))
        }
        var roles: [Role] = []
        if case .array(let items)? = body["roles"], !items.isEmpty {
            for (index, item) in items.enumerated() {
                guard case .string(let text) = item, knownRoles.contains(Role(rawValue: text)) else {
                    errors.append(.init(pointer: "#/roles/\(index)", detail: "unknown role; one of \(knownRoles.map(\.rawValue).joined(separator: ", "))"))
                    continue
                }
                if !roles.contains(Role(rawValue: text)) { roles.append(Role(rawValue: text)) }
            }
        } else {
            errors.append(.init(pointer: "#/roles", detail: "at least one role is required"))
        }
        guard errors.isEmpty else { throw .invalid("the user is not valid", errors: errors) }
        return GatewayUser(id: UserID(rawValue: id), name: name, roles: roles)
    }

    static func isUserID(_ text: String) -> Bool {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789._-")
        guard let first = text.first, first.isLetter, first.isASCII, text.count <= 32 else { return false }
        return text.allSatisfy(allowed.contains)
    }

    /// 409: an administrator locking themselves out.
    static func notYourself(_ what: String) -> GatewayProblem {
        GatewayProblem(type: "not-yourself", title: "Conflict", status: 409, detail: "you cannot \(what); ask another administrator")
    }

    static func unknown(_ id: UserID) -> GatewayProblem {
        GatewayProblem(type: "unknown-user", title: "Unknown user", status: 404, detail: "there is no user \(id)")
    }
}

extension BasicRequestContext {
    /// The `:user` path parameter.
    func userID() throws -> UserID {
        guard let id = parameters.get("user"), !id.isEmpty else { throw GatewayProblem.badRequest("the user id is missing") }
        return UserID(rawValue: id)
    }
}
