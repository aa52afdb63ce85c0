import Contracts
import Domain
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import ServiceKit
import Testing

@testable import GatewayService

/// Every /api endpoint (and the calendar feed) with a role it allows, a role it forbids (403) and no credential
/// (401). An allowed call may still fail for what it asks (404, 409, 422…), never for who asks.
@Suite struct EndpointAccessTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var method: HTTPRequest.Method
        var path: String
        var allowed: UserID
        /// A signed-in user the endpoint refuses; nil when every signed-in user may call it.
        var forbidden: UserID?
        var body: String = ""
        var contentType = "application/json"
        var testDescription: String { "\(method) \(path)" }
    }

    static let checklist = #"{"checklist": [{"item": "content", "result": "pass", "comment": ""}, {"item": "rendering", "result": "pass", "comment": ""}, {"item": "links", "result": "pass", "comment": ""}, {"item": "audience", "result": "pass", "comment": ""}, {"item": "assets", "result": "pass", "comment": ""}]}"#

    static let rows: [Row] = [
        Row(method: .get, path: "/api/campaigns", allowed: "ana"),
        Row(method: .post, path: "/api/campaigns", allowed: "ana", forbidden: "sam", body: #"{"title": "x", "type": "other"}"#),
        Row(method: .get, path: "/api/campaigns/cmp-t", allowed: "dora"),
        Row(method: .get, path: "/api/campaigns/cmp-t/history", allowed: "dora"),
        Row(method: .get, path: "/api/campaigns/cmp-t/status", allowed: "dora"),
        Row(method: .post, path: "/api/campaigns/cmp-t/commands", allowed: "sam", forbidden: "ana", body: #"{"type": "submit_for_self_review"}"#),
        Row(method: .get, path: "/api/campaigns/cmp-t/qa", allowed: "quinn"),
        Row(method: .post, path: "/api/campaigns/cmp-t/qa", allowed: "quinn", forbidden: "sam", body: checklist),
        Row(method: .get, path: "/api/campaigns/cmp-t/documents", allowed: "ana"),
        Row(method: .post, path: "/api/campaigns/cmp-t/documents?document=email", allowed: "sam", forbidden: "ana", body: "<p>v2</p>",
            contentType: "text/html"),
        Row(method: .get, path: "/api/campaigns/cmp-t/documents/email/versions/1", allowed: "ana"),
        Row(method: .get, path: "/api/campaigns/cmp-t/documents/email/current", allowed: "ana"),
        Row(method: .get, path: "/api/campaigns/cmp-t/documents/email/approved", allowed: "ana"),
        Row(method: .get, path: "/api/work", allowed: "sam"),
        Row(method: .get, path: "/api/approvals", allowed: "leo"),
        Row(method: .get, path: "/api/calendar", allowed: "ana"),
        Row(method: .get, path: "/calendar.ics", allowed: "ana"),
        Row(method: .post, path: "/api/calendar/feed-token", allowed: "ana"),
        Row(method: .get, path: "/api/reports/stages", allowed: "olga", forbidden: "ana"),
        Row(method: .get, path: "/api/exports/campaigns.csv", allowed: "lena", forbidden: "sam"),
        Row(method: .get, path: "/api/exports/stage-timings.csv", allowed: "admin", forbidden: "quinn"),
        Row(method: .get, path: "/api/users", allowed: "admin", forbidden: "lena"),
        Row(method: .post, path: "/api/users", allowed: "admin", forbidden: "olga", body: #"{"id": "nora", "name": "Nora", "roles": ["requester"]}"#),
        Row(method: .post, path: "/api/users/ben/password", allowed: "admin", forbidden: "ben"),
        Row(method: .post, path: "/api/users/ben/disable", allowed: "admin", forbidden: "lena"),
        Row(method: .post, path: "/api/users/ben/enable", allowed: "admin", forbidden: "lena"),
        Row(method: .get, path: "/api/audit", allowed: "admin", forbidden: "olga"),
        Row(method: .get, path: "/api/me", allowed: "finn"),
        Row(method: .post, path: "/api/tokens", allowed: "finn", body: #"{"name": "script"}"#),
        Row(method: .delete, path: "/api/session", allowed: "finn"),
        Row(method: .post, path: "/api/assistant", allowed: "ana", body: #"{"text": ""}"#),
        Row(method: .get, path: "/api/inbox", allowed: "sam"),
        Row(method: .post, path: "/api/inbox/cmp-t/read", allowed: "sam"),
    ]

    @Test(arguments: rows)
    func allowedForbiddenAndSignedOut(_ row: Row) async throws {
        let gateway = try await GatewayHarness.make(answerTimeout: .milliseconds(100))
        try await gateway.foldBuildingCampaign()
        let allowed = try await gateway.token(for: row.allowed)
        var forbiddenToken: String?
        if let user = row.forbidden { forbiddenToken = try await gateway.token(for: user) }
        let forbidden = forbiddenToken
        try await gateway.endpoint.application().test(.router) { client in
            func call(_ token: String?) async throws -> TestResponse {
                var headers: HTTPFields = [.contentType: row.contentType]
                if let token { headers[.authorization] = "Bearer \(token)" }
                return try await client.execute(uri: row.path, method: row.method, headers: headers, body: ByteBuffer(string: row.body))
            }
            let signedOut = try await call(nil)
            #expect(signedOut.status == .unauthorized)
            #expect(signedOut.headers[.contentType] == GatewayProblem.mediaType)
            if let forbidden {
                let refused = try await call(forbidden)
                #expect(refused.status == .forbidden, "\(refused.status): \(String(buffer: refused.body))")
                #expect(refused.headers[.contentType] == GatewayProblem.mediaType)
            }
            let ok = try await call(allowed)
            #expect(![401, 403].contains(ok.status.code) && ok.status.code < 500, "\(ok.status): \(String(buffer: ok.body))")
        }
    }

    @Test func everyAPIRouteIsInTheTable() async throws {
        let gateway = try await GatewayHarness.make()
        let served = Set(gateway.endpoint.router().routes.map { "\($0.method.rawValue) \($0.path)" }.filter {
            $0.contains(" /api/") || $0.hasSuffix(" /calendar.ics")
        }).subtracting(["POST /api/session"])
        let tabled = Set(Self.rows.map { row in
            let path = row.path.split(separator: "?").first.map(String.init) ?? row.path
            let template = path.replacingOccurrences(of: "cmp-t", with: "{id}").replacingOccurrences(of: "/email/", with: "/{document}/")
                .replacingOccurrences(of: "/versions/1", with: "/versions/{version}").replacingOccurrences(of: "/ben/", with: "/{user}/")
            return "\(row.method.rawValue) \(template)"
        })
        #expect(served.subtracting(tabled).isEmpty, "served but not in the table")
    }
}
