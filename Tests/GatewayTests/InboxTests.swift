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

/// The inbox read model and API: `notification.inbox` folded once per event id, `GET /api/inbox` newest first in
/// pages with the unread count, `POST /api/inbox/{id}/read` for the recipient only.
@Suite struct InboxTests {
    /// Folds three notifications for ana (the second one twice) and one for ben; returns ana's event ids, oldest first.
    static func foldNotifications(_ gateway: GatewayHarness) async throws -> [String] {
        let ana = (1...3).map { GatewayHarness.notification(to: "ana", title: "Notice \($0)") }
        for envelope in [ana[0], ana[1], GatewayHarness.notification(to: "ben", title: "For Ben"), ana[1], ana[2]] {
            try await gateway.fold(envelope)
        }
        return ana.map { $0.header.id.uuidString.lowercased() }
    }

    @Test func theReadModelReadsTheInboxTopic() {
        #expect(ReadModelHandler.prefixes.contains(NotificationInbox.topic.rawValue))
    }

    @Test func eachNotificationIsKeptOnceNewestFirstInPages() async throws {
        let gateway = try await GatewayHarness.make()
        let ids = try await Self.foldNotifications(gateway)
        let (ana, ben) = (try await gateway.token(for: "ana"), try await gateway.token(for: "ben"))
        try await gateway.endpoint.application().test(.router) { client in
            try await client.execute(uri: "/api/inbox", method: .get, headers: HTTP.bearer(ana)) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.eTag] != nil)
                let page = HTTP.json(response.body)
                let items = try #require(page["items"] as? [[String: Any]])
                #expect(items.compactMap { $0["id"] as? String } == ids.reversed(), "once each, newest first")
                #expect(items.first?["title"] as? String == "Notice 3")
                #expect(items.first?["kind"] as? String == "approval_needed")
                #expect(items.first?["campaign_id"] as? String == "cmp-1")
                #expect(items.first?["read_at"] == nil)
                #expect(page["unread"] as? Int == 3)
                #expect(page["next_cursor"] == nil)
            }
            let first = try await client.execute(uri: "/api/inbox?limit=2", method: .get, headers: HTTP.bearer(ana))
            let firstItems = try #require(HTTP.json(first.body)["items"] as? [[String: Any]])
            #expect(firstItems.compactMap { $0["id"] as? String } == [ids[2], ids[1]])
            let cursor = try #require(HTTP.json(first.body)["next_cursor"] as? String)
            try await client.execute(uri: "/api/inbox?limit=2&cursor=\(cursor)", method: .get, headers: HTTP.bearer(ana)) { response in
                let page = HTTP.json(response.body)
                #expect((page["items"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == [ids[0]])
                #expect(page["next_cursor"] == nil)
            }
            try await client.execute(uri: "/api/inbox", method: .get, headers: HTTP.bearer(ben)) { response in
                let items = HTTP.json(response.body)["items"] as? [[String: Any]]
                #expect(items?.compactMap { $0["title"] as? String } == ["For Ben"], "ben sees only his")
            }
            for (query, pointer) in [("limit=0", "?limit"), ("limit=201", "?limit"), ("cursor=%21%21", "?cursor")] {
                try await client.execute(uri: "/api/inbox?\(query)", method: .get, headers: HTTP.bearer(ana)) { response in
                    #expect(response.status == .badRequest, "\(query)")
                    #expect(HTTP.pointers(response.body) == [pointer])
                }
            }
        }
    }

    @Test func onlyTheRecipientMarksANotificationRead() async throws {
        let gateway = try await GatewayHarness.make()
        let ids = try await Self.foldNotifications(gateway)
        let (ana, ben) = (try await gateway.token(for: "ana"), try await gateway.token(for: "ben"))
        try await gateway.endpoint.application().test(.router) { client in
            var readAt: String?
            for _ in 0..<2 {
                try await client.execute(uri: "/api/inbox/\(ids[0])/read", method: .post, headers: HTTP.bearer(ana)) { response in
                    #expect(response.status == .ok)
                    let item = HTTP.json(response.body)
                    #expect(item["id"] as? String == ids[0])
                    let at = try #require(item["read_at"] as? String)
                    #expect(readAt == nil || readAt == at, "marking it again keeps the first time")
                    readAt = at
                }
            }
            try await client.execute(uri: "/api/inbox/\(ids[1].uppercased())/read", method: .post, headers: HTTP.bearer(ana)) { response in
                #expect(response.status == .ok, "ids are not case-sensitive")
            }
            for (id, token) in [(ids[2], ben), (UUID().uuidString, ana), ("not-an-id", ana)] {
                try await client.execute(uri: "/api/inbox/\(id)/read", method: .post, headers: HTTP.bearer(token)) { response in
                    #expect(response.status == .notFound)
                    #expect(response.headers[.contentType] == GatewayProblem.mediaType)
                }
            }
            try await client.execute(uri: "/api/inbox", method: .get, headers: HTTP.bearer(ana)) { response in
                #expect(HTTP.json(response.body)["unread"] as? Int == 1)
            }
            let password = try #require(gateway.passwords["ana"])
            let signedIn = try await client.execute(
                uri: "/api/session", method: .post, headers: [.contentType: "application/json"],
                body: HTTP.body(["user": "ana", "password": password]))
            let session = try #require(signedIn.headers[.setCookie]?.split(separator: ";").first.map(String.init))
            try await client.execute(uri: "/api/inbox/\(ids[2])/read", method: .post, headers: [.cookie: session]) { response in
                #expect(response.status == .forbidden, "a cookie session needs the CSRF token")
            }
        }
    }
}
