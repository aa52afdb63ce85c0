import Domain
import Foundation
import Hummingbird
import Logging
import ServiceKit

/// The dashboard: server-rendered pages over the read model, signed in by the session cookie. Forms post to
/// HTML routes that run the API's own code paths (``CampaignRoutes``, ``QARoutes``, ``AuthRoutes``, ``AssistantChat``), so roles,
/// separation of duties and the stations' refusals are the same; every form carries the session's CSRF token.
/// Signed out, a page redirects to `/login?next=…`; a failure renders an error page with the problem's detail.
struct DashboardRoutes: Sendable {
    let store: ServiceStore
    let rules: Rules
    let clock: WallClock
    let auth: Authenticator
    let sessions: AuthRoutes
    let campaigns: CampaignRoutes
    let qa: QARoutes
    let chat: AssistantChat
    let inbox: InboxRoutes
    let changes: CampaignChanges
    /// The bus tail and lag of the ops page; nil without a bus (tests).
    let ops: OpsFeed?
    /// How often `GET /events` sends a heartbeat comment.
    let heartbeat: Duration
    let renderer = PageRenderer()
    let logger: Logger

    func add(to router: Router<BasicRequestContext>) {
        router.get("static/marquee.css") { request, _ in StaticAsset.stylesheet.response(for: request) }
        router.get("static/live.js") { request, _ in StaticAsset.script.response(for: request) }
        router.get("login") { request, _ in await loginPage(request) }
        router.post("login") { request, _ in await signIn(request) }
        router.post("logout") { request, _ in await page(request) { actor in try await signOut(request, actor) } }
        router.get("/") { request, _ in await page(request) { actor in try await board(request, actor) } }
        router.get("requests/new") { request, _ in
            await page(request) { actor in try await newRequestPage(request, actor) }
        }
        router.post("requests") { request, _ in await page(request) { actor in try await submitRequest(request, actor) }
        }
        router.post("requests/check") { request, _ in
            await page(request) { actor in try await checkRequest(request, actor) }
        }
        router.get("campaigns/:id") { request, context in
            await page(request) { actor in try await campaignPage(try context.campaignID(), actor) }
        }
        router.post("campaigns/:id/commands") { request, context in
            await page(request) { actor in try await sendCommand(request, id: try context.campaignID(), actor) }
        }
        router.get("campaigns/:id/qa") { request, context in
            await page(request) { actor in try await qaPage(try context.campaignID(), actor) }
        }
        router.post("campaigns/:id/qa") { request, context in
            await page(request) { actor in try await recordQA(request, id: try context.campaignID(), actor) }
        }
        router.get("work") { request, _ in await page(request) { actor in try await workPage(actor) } }
        router.get("approvals") { request, _ in await page(request) { actor in try await approvalsPage(actor) } }
        router.get("calendar") { request, _ in await page(request) { actor in try await calendarPage(request, actor) } }
        router.get("assistant") { request, _ in await page(request) { actor in try await assistantPage(actor) } }
        router.post("assistant") { request, _ in
            await page(request) { actor in try await sendChatMessage(request, actor) }
        }
        router.get("inbox") { request, _ in await page(request) { actor in try await inboxPage(request, actor) } }
        router.post("inbox/:id/read") { request, context in
            await page(request) { actor in try await markRead(request, id: context.parameters.get("id") ?? "", actor) }
        }
        router.get("ops") { request, _ in await page(request) { actor in try await opsPage(actor) } }
        router.get("events") { request, _ in try await events(request) }
    }

    /// Runs a page for the signed-in user (with their unread notifications bound for the navigation): signed out it
    /// redirects to `/login?next=`, a ``GatewayProblem`` renders the error page with its status, anything else is
    /// logged and shown as a bare 500.
    func page(_ request: Request, _ body: (Actor) async throws -> Response) async -> Response {
        var signedIn: Actor?
        do {
            guard let actor = try await auth.actor(of: request) else { return signInRedirect(request) }
            signedIn = actor
            let unread = try await inbox.unread(of: actor.user.id)
            return try await PageChrome.$unread.withValue(unread) { try await body(actor) }
        } catch let problem as GatewayProblem where problem.statusCode == 401 {
            return signInRedirect(request)
        } catch let problem as GatewayProblem {
            return errorPage(problem, actor: signedIn)
        } catch {
            logger.error("page failed", metadata: ["http.path": "\(request.uri.path)", LogKey.error: "\(error)"])
            return errorPage(.internalError(), actor: signedIn)
        }
    }

    /// The error page of `problem`.
    func errorPage(_ problem: GatewayProblem, actor: Actor?) -> Response {
        renderer.page(
            "error", ["title": problem.title, "detail": problem.detail],
            chrome: PageChrome(title: problem.title, path: "", actor: actor),
            status: HTTPResponse.Status(code: problem.statusCode))
    }

    /// 303 to `location`.
    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    private func signInRedirect(_ request: Request) -> Response {
        let target = request.method == .get ? (request.uri.string.isEmpty ? "/" : request.uri.string) : "/"
        let encoded = target.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"
        return Self.redirect("/login?next=\(encoded)")
    }
}
