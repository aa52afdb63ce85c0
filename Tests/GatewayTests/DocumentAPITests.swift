import Contracts
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

/// Uploading documents (limits, types, the event build expects), listing their versions and downloading them.
@Suite struct DocumentAPITests {
    @Test func uploadsAreCheckedKeptAndPublishedForBuild() async throws {
        let gateway = try await GatewayHarness.make()
        try await gateway.foldBuildingCampaign()
        let sam = try await gateway.token(for: "sam")
        try await gateway.endpoint.application().test(.router) { client in
            func upload(_ bytes: [UInt8], as type: String, query: String = "?document=email") async throws -> TestResponse {
                try await client.execute(
                    uri: "/api/campaigns/cmp-t/documents\(query)", method: .post,
                    headers: [.authorization: "Bearer \(sam)", .contentType: type], body: ByteBuffer(bytes: bytes))
            }
            #expect(try await upload(Array(repeating: 0x41, count: GatewayRoutes.defaultMaxUploadBytes + 1), as: "text/plain").status.code == 413)
            #expect(try await upload(Array("<p>".utf8), as: "image/png").status.code == 415)
            #expect(try await upload(Array("MZ".utf8), as: "application/x-msdownload").status.code == 415)
            let unnamed = try await upload(Array("<p>".utf8), as: "text/html", query: "?document=../x")
            #expect(unnamed.status == .badRequest && HTTP.pointers(unnamed.body) == ["?document"])
            let accepted = try await upload(Array("<p>v2</p>".utf8), as: "text/html; charset=utf-8", query: "?document=email&template=email/basic")
            #expect(accepted.status == .accepted)
            #expect(HTTP.json(accepted.body)["content_hash"] as? String == DocumentShelf.hash(Data("<p>v2</p>".utf8)).rawValue)
        }
        let published = try await gateway.store.pool.read { db in
            try Data.fetchAll(db, sql: "SELECT payload FROM outbox ORDER BY position")
        }
        #expect(published.count == 1)
        let event = try #require(try EventCatalog.marquee.decode(published[0], topic: nil).typed(as: DocumentSubmitted.self))
        #expect(event.data.document == "email" && event.data.mediaType == "text/html" && event.data.submittedBy == "sam")
        #expect(event.data.template == "email/basic" && event.data.content == Data("<p>v2</p>".utf8))
        let audit = try await gateway.store.pool.read { db in try AuditLog.latest(1, in: db) }
        #expect(audit.map(\.action) == ["campaign.document.submitted"])
    }

    @Test func versionsAreListedAndDownloadedWithTheirHashAsETag() async throws {
        let gateway = try await GatewayHarness.make()
        try await gateway.foldBuildingCampaign()
        let ana = try await gateway.token(for: "ana")
        let hash = DocumentShelf.hash(GatewayHarness.emailV1).rawValue
        try await gateway.endpoint.application().test(.router) { client in
            let list = try await client.execute(uri: "/api/campaigns/cmp-t/documents", method: .get, headers: HTTP.bearer(ana))
            let shelves = (try JSONSerialization.jsonObject(with: Data(list.body.readableBytesView))) as? [[String: Any]]
            let email = try #require(shelves?.first)
            #expect(email["document"] as? String == "email")
            #expect((email["current"] as? [String: Any])?["media_type"] as? String == "text/html")
            #expect(email["approved"] == nil)
            let download = try await client.execute(uri: "/api/campaigns/cmp-t/documents/email/current", method: .get, headers: HTTP.bearer(ana))
            #expect(download.status == .ok)
            #expect(Data(download.body.readableBytesView) == GatewayHarness.emailV1)
            #expect(download.headers[.contentType] == "text/html")
            #expect(download.headers[.eTag] == "\"\(hash)\"")
            #expect(download.headers[.contentDisposition] == "attachment; filename=\"email-v1.html\"")
            var headers = HTTP.bearer(ana)
            headers[.ifNoneMatch] = "\"\(hash)\""
            try await client.execute(uri: "/api/campaigns/cmp-t/documents/email/versions/1", method: .get, headers: headers) { response in
                #expect(response.status == .notModified)
            }
            try await client.execute(uri: "/api/campaigns/cmp-t/documents/email/approved", method: .get, headers: HTTP.bearer(ana)) { response in
                #expect(response.status == .notFound, "not approved yet")
            }
            try await client.execute(uri: "/api/campaigns/cmp-t/documents/email/versions/7", method: .get, headers: HTTP.bearer(ana)) { response in
                #expect(response.status == .notFound)
            }
        }
    }
}
