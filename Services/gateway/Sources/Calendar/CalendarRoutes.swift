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
///   session cookie and `Authorization: Bearer` it takes an API token as `?token=`; the feed only reads.
struct CalendarRoutes: Sendable {
    let store: ServiceStore
    let rules: Rules
    let auth: Authenticator
    let clock: WallClock

    func add(to router: Router<BasicRequestContext>) {
        router.get("api/calendar") { request, _ in try await calendar(request) }
        router.get("calendar.ics") { request, _ in try await feed(request) }
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
