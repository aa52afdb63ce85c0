import Domain
import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import NIOCore
import ServiceKit

/// The campaign calendar:
/// - `GET /api/calendar?from=YYYY-MM-DD&to=YYYY-MM-DD` — launch dates and SLA due dates in the range (both ends
///   included, either open), oldest first;
/// - `GET /calendar.ics` — the launches as an iCalendar feed. Calendar apps cannot send headers, so besides the
///   session cookie and `Authorization: Bearer` it takes a feed token as `?token=`;
/// - `POST /api/calendar/feed-token` — issues the signed-in user such a token (`mqc_…`, shown once, audited): it
///   reads the feed and nothing else, so a URL that leaks into a calendar provider exposes only the launch dates.
struct CalendarRoutes: Sendable {
    let store: ServiceStore
    let rules: Rules
    let auth: Authenticator
    let clock: WallClock

    func add(to router: Router<BasicRequestContext>) {
        router.get("api/calendar") { request, _ in try await calendar(request) }
        router.get("calendar.ics") { request, _ in try await feed(request) }
        router.post("api/calendar/feed-token") { request, _ in try await issueFeedToken(request) }
    }

    func calendar(_ request: Request) async throws -> Response {
        _ = try await auth.reader(of: request)
        let query = CampaignFilter.query(of: request)
        var errors: [GatewayProblem.FieldError] = []
        func day(_ name: String) -> Day? {
            guard let text = query[name] else { return nil }
            guard let day = Day(iso: text) else {
                errors.append(.init(pointer: "?\(name)", detail: "must be a date YYYY-MM-DD"))
                return nil
            }
            return day
        }
        let (from, to) = (day("from"), day("to"))
        if let from, let to, from > to { errors.append(.init(pointer: "?to", detail: "must not be before from")) }
        guard errors.isEmpty else { throw GatewayProblem.badRequest("the range is not valid", errors: errors) }
        let entries = try await load().filter { entry in
            (from.map { entry.date >= $0 } ?? true) && (to.map { entry.date <= $0 } ?? true)
        }
        return try ETagged.response(entries, for: request)
    }

    func feed(_ request: Request) async throws -> Response {
        _ = try await auth.feedReader(of: request)
        let text = ICalendar.launches(try await load(), now: clock.now(), baseURL: Self.baseURL(of: request))
        return Response(
            status: .ok, headers: [.contentType: "text/calendar; charset=utf-8", .cacheControl: "private, max-age=300"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// What `POST /api/calendar/feed-token` answers.
    struct FeedToken: Codable, Sendable {
        var token: String
        var url: String
    }

    func issueFeedToken(_ request: Request) async throws -> Response {
        let actor = try await auth.writer(of: request)
        let now = clock.now()
        let token = try await store.pool.write { db in
            try AuditLog.record(.init(at: now, user: actor.user.id, action: "token.issue", target: "calendar feed", outcome: "accepted"), in: db)
            return try Authenticator.issueFeedToken(for: actor.user.id, now: now, in: db)
        }
        return try JSONResponse.make(FeedToken(token: token, url: "\(Self.baseURL(of: request))/calendar.ics?token=\(token)"), status: .created)
    }

    private func load() async throws -> [CalendarEntry] {
        let rows = try await store.pool.read { db in try ReadModel.campaigns(in: db) }
        return CalendarEntry.entries(of: rows, timeZone: TimeZone(identifier: rules.calendar.timeZone) ?? .current)
    }

    /// `scheme://host` the client used, from `Host` (only host-name characters kept).
    static func baseURL(of request: Request) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:[]")
        let host = String((request.head.authority ?? request.uri.host ?? "localhost").filter(allowed.contains))
        let https = request.headers[HTTPField.Name("X-Forwarded-Proto")!] == "https"
        return (https ? "https://" : "http://") + (host.isEmpty ? "localhost" : host)
    }
}
