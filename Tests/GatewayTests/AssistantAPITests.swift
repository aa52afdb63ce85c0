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

/// `POST /api/assistant` against a fake marquee-assistant: the gateway sends the signed-in user and the roles of
/// its user directory, never the client's; bad bodies are 400, no assistant 503, its failures 502/504.
@Suite struct AssistantAPITests {
    static func client(port: Int, timeout: Duration = .seconds(5), token: String? = nil) -> AssistantClient {
        AssistantClient(baseURL: URL(string: "http://127.0.0.1:\(port)")!, timeout: timeout, token: token)
    }

    @Test func sendsTheSignedInUserWithTheDirectorysRoles() async throws {
        let fake = FakeAssistant()
        try await fake.application().test(.live) { live in
            let gateway = try await GatewayHarness.make(assistant: Self.client(port: try #require(live.port), token: "caller-t0ken"))
            let token = try await gateway.token(for: "mia")
            try await gateway.endpoint.application().test(.router) { client in
                try await client.execute(
                    uri: "/api/assistant", method: .post, headers: HTTP.bearer(token), body: HTTP.body(["text": "hello"])
                ) { response in
                    #expect(response.status == .ok, "\(String(buffer: response.body))")
                    let answer = HTTP.json(response.body)
                    #expect(answer["reply"] as? String == "You said: hello")
                    #expect(answer["intent"] as? String == "intake")
                    #expect(answer["conversation_id"] as? String == "web-mia")
                    #expect((answer["question"] as? [String: Any])?["slot"] != nil)
                }
                try await client.execute(
                    uri: "/api/assistant", method: .post, headers: HTTP.bearer(token),
                    body: HTTP.body(["text": "again", "conversation_id": "phone-1", "user": "mia"])
                ) { response in
                    #expect(response.status == .ok)
                    #expect(HTTP.json(response.body)["conversation_id"] as? String == "phone-1")
                }
            }
            let messages = await fake.messages
            #expect(messages.count == 2)
            #expect(messages.map(\.user) == ["mia", "mia"])
            #expect(messages.first?.roles == [.marketingLead, .requester])
            #expect(messages.map(\.conversationID) == ["web-mia", "phone-1"])
            #expect(messages.map(\.text) == ["hello", "again"])
            #expect(await fake.authorizations == ["Bearer caller-t0ken", "Bearer caller-t0ken"], "the caller token, not the user's")
            let (logged, audited) = try await gateway.store.pool.read { db in
                (
                    try String.fetchAll(db, sql: "SELECT text FROM gw_chat WHERE user = 'mia' ORDER BY position"),
                    try String.fetchAll(db, sql: "SELECT outcome FROM gw_audit WHERE action = 'assistant.message'")
                )
            }
            #expect(logged == ["hello", "again"])
            #expect(audited == ["answered", "answered"])
        }
    }

    @Test func theClientNamesNeitherAnotherUserNorRoles() async throws {
        let fake = FakeAssistant()
        try await fake.application().test(.live) { live in
            let gateway = try await GatewayHarness.make(assistant: Self.client(port: try #require(live.port)))
            let token = try await gateway.token(for: "ana")
            try await gateway.endpoint.application().test(.router) { client in
                for body: [String: Any] in [["text": "hi", "user": "lena"], ["text": "hi", "roles": ["admin"]], ["text": "hi", "roles": []]] {
                    try await client.execute(uri: "/api/assistant", method: .post, headers: HTTP.bearer(token), body: HTTP.body(body)) {
                        response in
                        #expect(response.status == .forbidden, "\(body)")
                        #expect(response.headers[.contentType] == GatewayProblem.mediaType)
                    }
                }
            }
            #expect(await fake.messages.isEmpty)
        }
    }

    @Test func badBodiesAre400() async throws {
        let fake = FakeAssistant()
        try await fake.application().test(.live) { live in
            let gateway = try await GatewayHarness.make(assistant: Self.client(port: try #require(live.port)))
            let token = try await gateway.token(for: "ana")
            let bodies: [(ByteBuffer, [String])] = [
                (ByteBuffer(string: "not json"), []),
                (HTTP.body([:]), ["#/text"]),
                (HTTP.body(["text": "   "]), ["#/text"]),
                (HTTP.body(["text": 42]), ["#/text"]),
                (HTTP.body(["text": String(repeating: "a", count: AssistantChat.maxTextCharacters + 1)]), ["#/text"]),
                (HTTP.body(["text": "hi", "conversation_id": "has space"]), ["#/conversation_id"]),
                (HTTP.body(["text": "hi", "conversation_id": String(repeating: "c", count: 65)]), ["#/conversation_id"]),
                (HTTP.body(["text": String(repeating: "a", count: AssistantRoutes.maxBodyBytes)]), []),
            ]
            try await gateway.endpoint.application().test(.router) { client in
                for (body, pointers) in bodies {
                    try await client.execute(uri: "/api/assistant", method: .post, headers: HTTP.bearer(token), body: body) { response in
                        #expect(response.status == .badRequest, "\(pointers)")
                        #expect(response.headers[.contentType] == GatewayProblem.mediaType)
                        #expect(HTTP.pointers(response.body) == pointers)
                    }
                }
            }
            #expect(await fake.messages.isEmpty)
        }
    }

    @Test func withoutAnAssistantItIs503() async throws {
        let gateway = try await GatewayHarness.make()
        let token = try await gateway.token(for: "ana")
        try await gateway.endpoint.application().test(.router) { client in
            try await client.execute(uri: "/api/assistant", method: .post, headers: HTTP.bearer(token), body: HTTP.body(["text": "hi"])) {
                response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers[.contentType] == GatewayProblem.mediaType)
                #expect(HTTP.json(response.body)["detail"] as? String == "the assistant is not configured")
            }
        }
    }

    @Test(arguments: [("broken", 502), ("garbage", 502), ("slow", 504)])
    func failuresOfTheAssistantAre502Or504(_ text: String, _ status: Int) async throws {
        let fake = FakeAssistant()
        try await fake.application().test(.live) { live in
            let gateway = try await GatewayHarness.make(
                assistant: Self.client(port: try #require(live.port), timeout: text == "slow" ? .seconds(1) : .seconds(10)))
            let token = try await gateway.token(for: "ana")
            try await gateway.endpoint.application().test(.router) { client in
                try await client.execute(
                    uri: "/api/assistant", method: .post, headers: HTTP.bearer(token), body: HTTP.body(["text": text])
                ) { response in
                    #expect(response.status.code == status)
                    #expect(response.headers[.contentType] == GatewayProblem.mediaType)
                }
            }
            let (logged, outcome) = try await gateway.store.pool.read { db in
                (
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM gw_chat") ?? 0,
                    try String.fetchOne(db, sql: "SELECT outcome FROM gw_audit WHERE action = 'assistant.message'")
                )
            }
            #expect(logged == 0, "an unanswered message is not kept")
            #expect(outcome == "failed:\(status)")
        }
    }

    @Test func anUnreachableAssistantIs502() async throws {
        // Nothing listens on port 1 of the loopback: the connection is refused at once.
        let gateway = try await GatewayHarness.make(assistant: Self.client(port: 1))
        let token = try await gateway.token(for: "ana")
        try await gateway.endpoint.application().test(.router) { client in
            try await client.execute(uri: "/api/assistant", method: .post, headers: HTTP.bearer(token), body: HTTP.body(["text": "hi"])) {
                response in
                #expect(response.status == .badGateway)
                #expect(HTTP.json(response.body)["detail"] as? String == "the assistant could not be reached; try again later")
            }
        }
    }

    @Test func aCookieSessionNeedsTheCSRFToken() async throws {
        let fake = FakeAssistant()
        try await fake.application().test(.live) { live in
            let gateway = try await GatewayHarness.make(assistant: Self.client(port: try #require(live.port)))
            let password = try #require(gateway.passwords["ana"])
            try await gateway.endpoint.application().test(.router) { client in
                let signedIn = try await client.execute(
                    uri: "/api/session", method: .post, headers: [.contentType: "application/json"],
                    body: HTTP.body(["user": "ana", "password": password]))
                let session = try #require(signedIn.headers[.setCookie]?.split(separator: ";").first.map(String.init))
                let csrf = try #require(HTTP.json(signedIn.body)["csrf_token"] as? String)
                var headers: HTTPFields = [.cookie: session, .contentType: "application/json"]
                try await client.execute(uri: "/api/assistant", method: .post, headers: headers, body: HTTP.body(["text": "hi"])) {
                    response in
                    #expect(response.status == .forbidden, "no CSRF token")
                }
                headers[Authenticator.csrfHeader] = csrf
                try await client.execute(uri: "/api/assistant", method: .post, headers: headers, body: HTTP.body(["text": "hi"])) {
                    response in
                    #expect(response.status == .ok)
                }
            }
            #expect(await fake.messages.count == 1)
        }
    }
}
