import Domain
import Foundation
import GRDB
import Hummingbird
import ServiceKit

/// The signed-in user's notifications (``Inbox``):
/// - `GET /api/inbox?limit=&cursor=` — a page, newest first (`limit` 1…200, default 50; `next_cursor` when older
///   ones follow), with the unread count, and an ETag;
/// - `POST /api/inbox/{id}/read` — marks the notification read and answers it; 404 unless it is the user's.
struct InboxRoutes: Sendable {
    let store: ServiceStore
    let auth: Authenticator
    let clock: WallClock

    func add(to router: Router<BasicRequestContext>) {
        router.get("api/inbox") { request, _ in try await list(request) }
        router.post("api/inbox/:id/read") { request, context in
            let actor = try await auth.writer(of: request)
            return try JSONResponse.make(try await markRead(context.parameters.get("id") ?? "", by: actor))
        }
    }

    func list(_ request: Request) async throws -> Response {
        let actor = try await auth.reader(of: request)
        let (before, limit) = try Self.window(CampaignFilter.query(of: request))
        return try ETagged.response(try await page(of: actor.user.id, before: before, limit: limit), for: request)
    }

    /// A page of `user`'s inbox.
    func page(of user: UserID, before: UInt64? = nil, limit: Int = CampaignFilter.defaultLimit) async throws -> InboxPage {
        try await store.pool.read { db in try Inbox.page(of: user, before: before, limit: limit, in: db) }
    }

    /// How many of `user`'s notifications are unread.
    func unread(of user: UserID) async throws -> Int {
        try await store.pool.read { db in try Inbox.unread(of: user, in: db) }
    }

    /// Marks notification `id` read for `actor`; 404 when it is not theirs.
    func markRead(_ id: String, by actor: Actor) async throws -> InboxItem {
        let (user, now) = (actor.user.id, clock.now())
        guard let item = try await store.pool.write({ db in try Inbox.markRead(id, of: user, now: now, in: db) }) else {
            throw GatewayProblem(
                type: "unknown-notification", title: "Unknown notification", status: 404,
                detail: "no notification \(id) in your inbox")
        }
        return item
    }

    /// The `cursor` (the seq before which the page starts) and `limit` of a query; 400 for a bad one.
    static func window(_ query: [String: String]) throws(GatewayProblem) -> (before: UInt64?, limit: Int) {
        var errors: [GatewayProblem.FieldError] = []
        var limit = CampaignFilter.defaultLimit
        if let text = query["limit"] {
            if let value = Int(text), (1...CampaignFilter.maxLimit).contains(value) {
                limit = value
            } else {
                errors.append(.init(pointer: "?limit", detail: "limit must be a number from 1 to \(CampaignFilter.maxLimit)"))
            }
        }
        var before: UInt64?
        if let cursor = query["cursor"] {
            if let seq = PageCursor.decode(cursor).flatMap(UInt64.init) {
                before = seq
            } else {
                errors.append(.init(pointer: "?cursor", detail: "not a cursor this API returned"))
            }
        }
        guard errors.isEmpty else { throw .badRequest("the query has \(errors.count) bad parameter(s)", errors: errors) }
        return (before, limit)
    }
}
