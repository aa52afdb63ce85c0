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

/// The inbox page and the unread count in the navigation.
extension DashboardTests {
    @Test func theInboxPageListsNotificationsAndMarksThemRead() async throws {
        let gateway = try await GatewayHarness.make()
        let hostile = GatewayHarness.notification(to: "ana", title: "<img src=x onerror=alert(1)> Spring")
        let plain = GatewayHarness.notification(to: "ana", title: "Review the build", kind: .reviewRequested)
        try await gateway.fold(hostile)
        try await gateway.fold(plain)
        let (hostileID, plainID) = (hostile.header.id.uuidString.lowercased(), plain.header.id.uuidString.lowercased())
        try await gateway.endpoint.application().test(.router) { client in
            let ana = try await DashboardSession.signIn("ana", password: try #require(gateway.passwords["ana"]), client: client)
            try await client.execute(uri: "/", method: .get, headers: ana.headers) { response in
                #expect(
                    String(buffer: response.body).contains(
                        #"<a href="/inbox">Inbox <span class="count">2<span class="visually-hidden"> unread</span></span></a>"#))
            }
            try await client.execute(uri: "/inbox", method: .get, headers: ana.headers) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("2 unread."))
                #expect(html.contains("&lt;img src=x onerror=alert(1)&gt; Spring") && !html.contains("<img src=x"), "escaped")
                #expect(html.contains(#"<a href="/campaigns/cmp-1">Review the build</a>"#))
                #expect(html.contains("review requested"))
                #expect(html.contains(#"<form method="post" action="/inbox/\#(plainID)/read">"#))
                let newest = try #require(html.range(of: "Review the build")), older = try #require(html.range(of: "Spring"))
                #expect(newest.lowerBound < older.lowerBound, "newest first")
            }
            try await client.execute(
                uri: "/inbox/\(plainID)/read", method: .post, headers: ana.formHeaders, body: Form.body([])
            ) { response in
                #expect(response.status == .forbidden, "no CSRF token")
            }
            try await client.execute(
                uri: "/inbox/\(plainID)/read", method: .post, headers: ana.formHeaders, body: ana.form([])
            ) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/inbox")
            }
            try await client.execute(uri: "/inbox", method: .get, headers: ana.headers) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("1 unread."))
                #expect(html.contains(#"<a href="/inbox" aria-current="page">Inbox <span class="count">1<"#))
                #expect(!html.contains("action=\"/inbox/\(plainID)/read\"") && html.contains("action=\"/inbox/\(hostileID)/read\""))
            }
            let ben = try await DashboardSession.signIn("ben", password: try #require(gateway.passwords["ben"]), client: client)
            try await client.execute(uri: "/inbox", method: .get, headers: ben.headers) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("No notifications.") && html.contains(#"<a href="/inbox" aria-current="page">Inbox</a>"#))
            }
            try await client.execute(
                uri: "/inbox/\(hostileID)/read", method: .post, headers: ben.formHeaders, body: ben.form([])
            ) { response in
                #expect(response.status == .notFound, "not his")
            }
        }
    }
}
