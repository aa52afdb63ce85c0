import Domain
import Foundation
import GRDB
import Hummingbird
import Logging
import ServiceKit

/// `/login`: the sign-in form; posting it opens a new session (``AuthRoutes/openSession(id:password:)``, audited)
/// and sets its cookie, then goes on to `next` (a path of this site only). `/logout` closes the session.
extension DashboardRoutes {
    struct LoginView {
        var next: String
        var user: String
        var error: String?
    }

    func loginPage(_ request: Request) async -> Response {
        let next = Self.safeNext(request.uri.queryParameters["next"].map(String.init))
        return renderer.page(
            "login", LoginView(next: next, user: "", error: nil),
            chrome: PageChrome(title: "Sign in", path: "/login", actor: nil))
    }

    func signIn(_ request: Request) async -> Response {
        do {
            let form = try await WebForm.read(request)
            let next = Self.safeNext(form["next"])
            guard let user = form["user"], let password = form.fields["password"]?.last, !password.isEmpty else {
                return refused(LoginView(next: next, user: form["user"] ?? "", error: "Enter your user and password."))
            }
            do {
                let (_, secret, _) = try await sessions.openSession(id: user, password: password)
                var response = Self.redirect(next)
                response.setCookie(sessions.sessionCookie(secret, request: request))
                return response
            } catch let problem as GatewayProblem where problem.statusCode == 401 {
                return refused(LoginView(next: next, user: user, error: "Unknown user or wrong password."))
            }
        } catch let problem as GatewayProblem {
            return errorPage(problem, actor: nil)
        } catch {
            logger.error("sign-in failed", metadata: ["error": "\(error)"])
            return errorPage(.internalError(), actor: nil)
        }
    }

    private func refused(_ view: LoginView) -> Response {
        renderer.page(
            "login", view, chrome: PageChrome(title: "Sign in", path: "/login", actor: nil), status: .unauthorized)
    }

    func signOut(_ request: Request, _ actor: Actor) async throws -> Response {
        let form = try await WebForm.read(request)
        let actor = try await auth.writer(of: request, formToken: form["_csrf"] ?? "")
        let now = clock.now()
        try await store.pool.write { db in
            if case .session(let secret, _) = actor.credential { try SessionStore.close(secret, in: db) }
            try AuditLog.record(
                .init(at: now, user: actor.user.id, action: "session.close", outcome: "accepted"), in: db)
        }
        var response = Self.redirect("/login")
        response.setCookie(
            Cookie(
                name: Authenticator.cookie, value: "", maxAge: 0, path: "/", secure: sessions.isSecure(request),
                httpOnly: true, sameSite: .strict))
        return response
    }

    /// `next` when it is a path of this site, else `/` (no open redirect).
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\") else { return "/" }
        return next
    }
}
