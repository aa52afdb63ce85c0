import Domain
import Foundation
import GRDB
import ServiceKit
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import GatewayService

/// User administration, sign-in rate limiting and session fixation.
@Suite struct AccountSecurityTests {
    static func signIn(_ client: some TestClientProtocol, _ user: String, _ password: String, cookie: String? = nil) async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let cookie { headers[.cookie] = cookie }
        return try await client.execute(uri: "/api/session", method: .post, headers: headers, body: HTTP.body(["user": user, "password": password]))
    }

    @Test func adminCreatesUsersWithKnownRolesResetsAndDisablesThem() async throws {
        let gateway = try await GatewayHarness.make()
        let admin = try await gateway.token(for: "admin")
        let benToken = try await gateway.token(for: "ben")
        try await gateway.endpoint.application().test(.router) { client in
            let bad = try await client.execute(
                uri: "/api/users", method: .post, headers: HTTP.bearer(admin), body: HTTP.body(["id": "Nora!", "name": "", "roles": ["requester", "pilot"]]))
            #expect(bad.status == .unprocessableContent)
            #expect(HTTP.pointers(bad.body) == ["#/id", "#/name", "#/roles/1"])
            let created = try await client.execute(
                uri: "/api/users", method: .post, headers: HTTP.bearer(admin), body: HTTP.body(["id": "nora", "name": "Nora", "roles": ["legal"]]))
            #expect(created.status == .created)
            let password = try #require(HTTP.json(created.body)["password"] as? String)
            #expect(try await Self.signIn(client, "nora", password).status == .ok)
            try await client.execute(
                uri: "/api/users", method: .post, headers: HTTP.bearer(admin), body: HTTP.body(["id": "nora", "name": "Nora", "roles": ["legal"]])
            ) { response in
                #expect(response.status == .conflict)
            }
            let reset = try await client.execute(uri: "/api/users/nora/password", method: .post, headers: HTTP.bearer(admin))
            let fresh = try #require(HTTP.json(reset.body)["password"] as? String)
            #expect(try await Self.signIn(client, "nora", password).status == .unauthorized)
            #expect(try await Self.signIn(client, "nora", fresh).status == .ok)

            try await client.execute(uri: "/api/users/ben/disable", method: .post, headers: HTTP.bearer(admin)) { response in
                #expect(HTTP.json(response.body)["disabled"] as? Bool == true)
            }
            try await client.execute(uri: "/api/me", method: .get, headers: HTTP.bearer(benToken)) { response in
                #expect(response.status == .unauthorized, "disabling revokes tokens")
            }
            #expect(try await Self.signIn(client, "ben", gateway.passwords["ben"]!).status == .unauthorized)
            try await client.execute(uri: "/api/users/ben/enable", method: .post, headers: HTTP.bearer(admin))
            #expect(try await Self.signIn(client, "ben", gateway.passwords["ben"]!).status == .ok)
            try await client.execute(uri: "/api/users/admin/disable", method: .post, headers: HTTP.bearer(admin)) { response in
                #expect(response.status == .conflict)
            }
            try await client.execute(uri: "/api/users/nobody/enable", method: .post, headers: HTTP.bearer(admin)) { response in
                #expect(response.status == .notFound)
            }
        }
        let actions = try await gateway.store.pool.read { db in try AuditLog.latest(100, in: db).map(\.action) }
        #expect(Set(["user.create", "user.password_reset", "user.disable", "user.enable"]).isSubset(of: Set(actions)))
    }

    @Test func fiveFailuresBlockFurtherSignInsWithRetryAfter() async throws {
        let gateway = try await GatewayHarness.make()
        let password = try #require(gateway.passwords["ana"])
        try await gateway.endpoint.application().test(.router) { client in
            #expect(try await Self.signIn(client, "ana", password).status == .ok, "successes do not count")
            for _ in 0..<5 { #expect(try await Self.signIn(client, "ana", "wrong").status == .unauthorized) }
            let blocked = try await Self.signIn(client, "ana", password)
            #expect(blocked.status == .tooManyRequests)
            #expect(blocked.headers[.retryAfter].flatMap(Int.init) ?? 0 > 0)
            #expect(blocked.headers[.contentType] == GatewayProblem.mediaType)
            #expect(try await Self.signIn(client, "ben", gateway.passwords["ben"]!).status == .ok, "other users are not blocked")
        }
    }

    @Test func signingInRevokesTheSessionTheBrowserAlreadyHeld() async throws {
        let gateway = try await GatewayHarness.make()
        let password = try #require(gateway.passwords["ana"])
        try await gateway.endpoint.application().test(.router) { client in
            let first = try await Self.signIn(client, "ana", password)
            let old = try #require(first.headers[.setCookie]?.split(separator: ";").first.map(String.init))
            let second = try await Self.signIn(client, "ana", password, cookie: old)
            let new = try #require(second.headers[.setCookie]?.split(separator: ";").first.map(String.init))
            #expect(old != new)
            try await client.execute(uri: "/api/me", method: .get, headers: [.cookie: old]) { response in
                #expect(response.status == .unauthorized, "the fixed session is gone")
            }
            try await client.execute(uri: "/api/me", method: .get, headers: [.cookie: new]) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test func internalFailuresNeverShowTheirDetails() async throws {
        let gateway = try await GatewayHarness.make()
        let token = try await gateway.token(for: "ana")
        try await gateway.store.pool.write { db in try db.execute(sql: "DROP TABLE gw_campaign") }
        try await gateway.endpoint.application().test(.router) { client in
            try await client.execute(uri: "/api/campaigns", method: .get, headers: HTTP.bearer(token)) { response in
                #expect(response.status == .internalServerError)
                let text = String(buffer: response.body)
                #expect(!text.contains("gw_campaign") && !text.contains("SQLite"))
                #expect(HTTP.json(response.body)["detail"] as? String == "the gateway could not complete the request")
            }
        }
    }
}
