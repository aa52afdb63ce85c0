import Domain
import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import ServiceKit
import Testing

@testable import GatewayService

/// Signing in with a bcrypt-checked password, the session cookie and its CSRF token, bearer tokens, and the
/// audit log only the administrator reads.
@Suite struct AuthTests {
    @Test func sessionCookieNeedsTheCSRFTokenForChanges() async throws {
        let gateway = try await GatewayHarness.make()
        let password = try #require(gateway.passwords["ana"])
        try await gateway.endpoint.application().test(.router) { client in
            try await client.execute(
                uri: "/api/session", method: .post, headers: [.contentType: "application/json"],
                body: HTTP.body(["user": "ana", "password": password + "x"])
            ) { response in
                #expect(response.status == .unauthorized)
            }
            let signedIn = try await client.execute(
                uri: "/api/session", method: .post, headers: [.contentType: "application/json"],
                body: HTTP.body(["user": "ana", "password": password]))
            #expect(signedIn.status == .ok)
            let cookie = try #require(signedIn.headers[.setCookie])
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && !cookie.contains("Secure"))
            let csrf = try #require(HTTP.json(signedIn.body)["csrf_token"] as? String)
            let session = try #require(cookie.split(separator: ";").first.map(String.init))
            let request = HTTP.body(["title": "x", "type": "other"])

            try await client.execute(uri: "/api/me", method: .get, headers: [.cookie: session]) { response in
                #expect(HTTP.json(response.body)["id"] as? String == "ana")
            }
            try await client.execute(
                uri: "/api/campaigns", method: .post, headers: [.cookie: session, .contentType: "application/json"], body: request
            ) { response in
                #expect(response.status == .forbidden, "no CSRF token")
            }
            var headers: HTTPFields = [.cookie: session, .contentType: "application/json"]
            headers[Authenticator.csrfHeader] = csrf
            try await client.execute(uri: "/api/campaigns", method: .post, headers: headers, body: request) { response in
                #expect(response.status == .unprocessableContent, "past CSRF, on to the MVP check")
            }
            try await client.execute(uri: "/api/session", method: .delete, headers: headers) { response in
                #expect(response.status == .noContent)
            }
            try await client.execute(uri: "/api/me", method: .get, headers: [.cookie: session]) { response in
                #expect(response.status == .unauthorized, "signed out")
            }
        }
    }

    @Test func sessionCookieIsSecureBehindTLS() async throws {
        let gateway = try await GatewayHarness.make()
        let password = try #require(gateway.passwords["olga"])
        try await gateway.endpoint.application().test(.router) { client in
            var headers: HTTPFields = [.contentType: "application/json"]
            headers[HTTPField.Name("X-Forwarded-Proto")!] = "https"
            try await client.execute(
                uri: "/api/session", method: .post, headers: headers, body: HTTP.body(["user": "olga", "password": password])
            ) { response in
                #expect(response.headers[.setCookie]?.contains("Secure") == true)
            }
        }
    }

    @Test func bearerTokensAndTheAdminOnlyAuditLog() async throws {
        let gateway = try await GatewayHarness.make()
        let olga = try await gateway.token(for: "olga")
        let admin = try await gateway.token(for: "admin")
        let ana = try await gateway.token(for: "ana")
        try await gateway.endpoint.application().test(.router) { client in
            let issued = try await client.execute(uri: "/api/tokens", method: .post, headers: HTTP.bearer(olga), body: HTTP.body(["name": "script"]))
            #expect(issued.status == .created)
            let token = try #require(HTTP.json(issued.body)["token"] as? String)
            try await client.execute(uri: "/api/me", method: .get, headers: HTTP.bearer(token)) { response in
                #expect(HTTP.json(response.body)["id"] as? String == "olga")
            }
            try await client.execute(uri: "/api/tokens", method: .post, headers: HTTP.bearer(olga), body: HTTP.body(["name": " "])) { response in
                #expect(HTTP.pointers(response.body) == ["#/name"])
            }
            try await client.execute(uri: "/api/audit", method: .get, headers: HTTP.bearer(olga)) { response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(uri: "/api/audit", method: .get, headers: HTTP.bearer(admin)) { response in
                let entries = (try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))) as? [[String: Any]]
                #expect(entries?.first?["action"] as? String == "token.issue")
                #expect(entries?.first?["user"] as? String == "olga")
            }
            try await client.execute(uri: "/api/campaigns", method: .post, headers: HTTP.bearer(ana), body: ByteBuffer(string: "{not json")) {
                response in
                #expect(response.status == .badRequest)
                #expect(response.headers[.contentType] == GatewayProblem.mediaType)
            }
        }
    }

    @Test func passwordsAreStoredAsBcryptHashesOnly() async throws {
        let gateway = try await GatewayHarness.make()
        let hashes = try await gateway.store.pool.read { db in try String.fetchAll(db, sql: "SELECT password_hash FROM gw_user") }
        #expect(hashes.count == GatewayHarness.rules.people.count + 1)
        #expect(hashes.allSatisfy { $0.hasPrefix("$2") })
        #expect(!hashes.contains { hash in gateway.passwords.values.contains(hash) })
    }
}
