import Domain
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import ServiceKit
import Testing

@testable import GatewayService

/// The chat page: a plain form post and redirect without JavaScript, the log per user, escaping, CSRF, and the
/// problem shown on the page when the assistant is missing or fails.
extension DashboardTests {
    @Test func theChatPageTalksToTheAssistantWithoutJavaScript() async throws {
        let fake = FakeAssistant()
        try await fake.application().test(.live) { live in
            let gateway = try await GatewayHarness.make(
                assistant: AssistantClient(baseURL: URL(string: "http://127.0.0.1:\(try #require(live.port))")!))
            try await gateway.endpoint.application().test(.router) { client in
                let ana = try await DashboardSession.signIn("ana", password: try #require(gateway.passwords["ana"]), client: client)
                try await client.execute(uri: "/assistant", method: .get, headers: ana.headers) { response in
                    #expect(response.status == .ok)
                    let html = String(buffer: response.body)
                    #expect(html.contains(#"<a href="/assistant" aria-current="page">Assistant</a>"#), "in the navigation")
                    #expect(html.contains(#"<label for="chat-text">Message</label>"#))
                    #expect(html.contains(#"<form id="chat-form" class="stack" method="post" action="/assistant">"#))
                    #expect(html.contains(#"<ol id="chat-log" class="chat" aria-live="polite">"#))
                    #expect(html.contains("No messages yet.") && !html.contains("not configured"))
                    #expect(html.contains(#"<script src="/static/live.js" defer></script>"#))
                }
                for text in ["hello", "<b>bold</b> & more"] {
                    try await client.execute(
                        uri: "/assistant", method: .post, headers: ana.formHeaders, body: ana.form([("text", text)])
                    ) { response in
                        #expect(response.status == .seeOther)
                        #expect(response.headers[.location] == "/assistant#latest")
                    }
                }
                try await client.execute(uri: "/assistant", method: .get, headers: ana.headers) { response in
                    let html = String(buffer: response.body)
                    #expect(html.contains(#"<p class="chat-text">hello</p>"#))
                    #expect(html.contains(#"<p class="chat-text">You said: hello</p>"#))
                    #expect(html.contains("&lt;b&gt;bold&lt;/b&gt; &amp; more") && !html.contains("<b>bold</b>"), "escaped")
                    #expect(html.components(separatedBy: #"id="latest""#).count == 2, "one latest exchange")
                    let latest = try #require(html.range(of: #"id="latest""#))
                    #expect(html[latest.upperBound...].contains("You said: &lt;b&gt;"), "the latest is the last one")
                    #expect(!html.contains("No messages yet."))
                }
                let ben = try await DashboardSession.signIn("ben", password: try #require(gateway.passwords["ben"]), client: client)
                try await client.execute(uri: "/assistant", method: .get, headers: ben.headers) { response in
                    #expect(String(buffer: response.body).contains("No messages yet."), "ana's chat is hers")
                }
            }
            let messages = await fake.messages
            #expect(messages.map(\.user) == ["ana", "ana"])
            #expect(messages.map(\.roles) == [[.requester], [.requester]])
            #expect(messages.map(\.conversationID) == ["web-ana", "web-ana"])
        }
    }

    @Test func theChatFormNeedsTheCSRFTokenAndKeepsTheTextOnFailure() async throws {
        let gateway = try await GatewayHarness.make()
        try await gateway.endpoint.application().test(.router) { client in
            let ana = try await DashboardSession.signIn("ana", password: try #require(gateway.passwords["ana"]), client: client)
            try await client.execute(uri: "/assistant", method: .get, headers: ana.headers) { response in
                #expect(String(buffer: response.body).contains("The assistant is not configured on this gateway."))
            }
            try await client.execute(
                uri: "/assistant", method: .post, headers: ana.formHeaders, body: Form.body([("text", "hi")])
            ) { response in
                #expect(response.status == .forbidden)
                #expect(String(buffer: response.body).contains("CSRF"))
            }
            try await client.execute(
                uri: "/assistant", method: .post, headers: ana.formHeaders, body: ana.form([("text", "status of <Spring>")])
            ) { response in
                #expect(response.status == .serviceUnavailable)
                let html = String(buffer: response.body)
                #expect(html.contains(#"role="alert">Assistant unavailable: the assistant is not configured</p>"#))
                #expect(html.contains(">status of &lt;Spring&gt;</textarea>"), "the text is kept")
            }
            try await client.execute(
                uri: "/assistant", method: .post, headers: ana.formHeaders, body: ana.form([("text", "  ")])
            ) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("the message cannot be sent"))
            }
        }
    }
}
