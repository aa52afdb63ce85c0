import Contracts
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

/// The campaign API through the router: reading the read model, submitting requests checked against the MVP,
/// commands sent as the signed-in user, and the station's answers surfaced as responses.
@Suite struct CampaignAPITests {
    @Test func readingNeedsACredentialAndBadQueriesAreProblems() async throws {
        let gateway = try await GatewayHarness.make()
        let token = try await gateway.token(for: "olga")
        try await gateway.endpoint.application().test(.router) { client in
            try await client.execute(uri: "/api/campaigns", method: .get) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.contentType] == GatewayProblem.mediaType)
            }
            try await client.execute(uri: "/api/campaigns", method: .get, headers: HTTP.bearer("mqt_forged")) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(
                uri: "/api/campaigns?stage=flying&limit=0&cursor=%%%", method: .get, headers: HTTP.bearer(token)
            ) { response in
                #expect(response.status == .badRequest)
                #expect(Set(HTTP.pointers(response.body)) == ["?stage", "?limit", "?cursor"])
            }
            try await client.execute(uri: "/api/campaigns/cmp-none", method: .get, headers: HTTP.bearer(token)) { response in
                #expect(response.status == .notFound)
                #expect(HTTP.json(response.body)["title"] as? String == "Unknown campaign")
            }
        }
    }

    @Test func listsFilterPageAndAnswerNotModified() async throws {
        let gateway = try await GatewayHarness.make()
        for (index, id) in ["cmp-a", "cmp-b", "cmp-c"].enumerated() {
            let requester: UserID = index == 1 ? "ben" : "ana"
            try await gateway.fold(campaign: CampaignID(rawValue: id), [.submitted(GatewayHarness.request(by: requester))])
        }
        let token = try await gateway.token(for: "olga")
        try await gateway.endpoint.application().test(.router) { client in
            let first = try await client.execute(uri: "/api/campaigns?requester=ana&limit=1", method: .get, headers: HTTP.bearer(token))
            let page = HTTP.json(first.body)
            #expect((page["items"] as? [[String: Any]])?.map { $0["id"] as? String } == ["cmp-a"])
            let cursor = try #require(page["next_cursor"] as? String)
            try await client.execute(
                uri: "/api/campaigns?requester=ana&limit=1&cursor=\(cursor)", method: .get, headers: HTTP.bearer(token)
            ) { response in
                #expect((HTTP.json(response.body)["items"] as? [[String: Any]])?.map { $0["id"] as? String } == ["cmp-c"])
            }
            let etag = try #require(first.headers[.eTag])
            var headers = HTTP.bearer(token)
            headers[.ifNoneMatch] = etag
            try await client.execute(uri: "/api/campaigns?requester=ana&limit=1", method: .get, headers: headers) { response in
                #expect(response.status == .notModified)
            }
            try await gateway.fold(campaign: "cmp-0", [.submitted(GatewayHarness.request(by: "ana"))])
            try await client.execute(uri: "/api/campaigns?requester=ana&limit=1", method: .get, headers: headers) { response in
                #expect(response.status == .ok, "a new campaign changes the page")
            }
            try await client.execute(uri: "/api/campaigns/cmp-b", method: .get, headers: HTTP.bearer(token)) { response in
                let detail = HTTP.json(response.body)
                #expect((detail["summary"] as? [String: Any])?["requester"] as? String == "ben")
                #expect((detail["history"] as? [[String: Any]])?.count == 1)
            }
        }
    }

    @Test func requestsAreCheckedAgainstTheMVPAndSubmittedAsTheSignedInRequester() async throws {
        let gateway = try await GatewayHarness.make()
        let ana = try await gateway.token(for: "ana")
        let sam = try await gateway.token(for: "sam")
        try await gateway.endpoint.application().test(.router) { client in
            try await client.execute(
                uri: "/api/campaigns", method: .post, headers: HTTP.bearer(ana),
                body: HTTP.body(["title": "Spring sale", "type": "other", "brief": ["goal": "sell"]])
            ) { response in
                #expect(response.status == .unprocessableContent)
                #expect(
                    HTTP.pointers(response.body)
                        == ["#/objective", "#/brief/audience", "#/brief/key_message", "#/brief/channels", "#/brief/launch_date"])
            }
            try await client.execute(
                uri: "/api/campaigns", method: .post, headers: HTTP.bearer(ana), body: HTTP.body(["title": "x", "type": "radio"])
            ) { response in
                #expect(response.status == .unprocessableContent)
                #expect(HTTP.pointers(response.body) == ["#/type"])
            }
            try await client.execute(
                uri: "/api/campaigns", method: .post, headers: HTTP.bearer(ana), body: HTTP.body(["title": "x", "type": "other", "requester": "ben"])
            ) { response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(uri: "/api/campaigns", method: .post, headers: HTTP.bearer(sam), body: HTTP.body(["title": "x", "type": "other"])) {
                response in
                #expect(response.status == .forbidden, "sam is no requester")
            }
            let complete = try MarqueeJSON.encode(GatewayHarness.request(by: "ben"))
            var body = try #require(try JSONSerialization.jsonObject(with: complete) as? [String: Any])
            body["requester"] = nil
            async let station: Void = gateway.answer { submitted in
                let request = try #require(submitted.typed(as: RequestSubmitted.self))
                #expect(request.data.request.requester == "ana", "the requester is the signed-in user")
                var campaign: Campaign?
                return [
                    GatewayHarness.factEnvelope(
                        request.data.campaignID, .submitted(request.data.request), version: 1, after: &campaign, causedBy: submitted.header.id),
                    GatewayHarness.factEnvelope(
                        request.data.campaignID, .triaged(.assign(to: .specialist)), version: 2, after: &campaign,
                        causedBy: submitted.header.id),
                ]
            }
            let response = try await client.execute(uri: "/api/campaigns", method: .post, headers: HTTP.bearer(ana), body: HTTP.body(body))
            try await station
            #expect(response.status == .created)
            let answer = HTTP.json(response.body)
            #expect(answer["status"] as? String == "accepted")
            #expect((answer["facts"] as? [[String: Any]])?.map { $0["stage"] as? String } == ["submitted", "triaged"])
            #expect(response.headers[.location] == "/api/campaigns/\(answer["campaign_id"] as? String ?? "")")
        }
    }

    @Test func commandsActAsTheSignedInUserAndSurfaceRefusals() async throws {
        let gateway = try await GatewayHarness.make(answerTimeout: .seconds(30))
        try await gateway.fold(campaign: "cmp-1", [.submitted(GatewayHarness.request()), .triaged(.assign(to: .specialist))])
        let (ana, sam, olga) = (try await gateway.token(for: "ana"), try await gateway.token(for: "sam"), try await gateway.token(for: "olga"))
        try await gateway.endpoint.application().test(.router) { client in
            let uri = "/api/campaigns/cmp-1/commands"
            try await client.execute(uri: uri, method: .post, headers: HTTP.bearer(sam), body: HTTP.body(["type": "assign", "specialist": "sam"])) {
                response in
                #expect(response.status == .forbidden, "assigning is marketing ops' job")
            }
            try await client.execute(uri: uri, method: .post, headers: HTTP.bearer(olga), body: HTTP.body(["type": "go_live"])) { response in
                #expect(response.status == .forbidden, "the line issues go_live itself")
            }
            try await client.execute(
                uri: uri, method: .post, headers: HTTP.bearer(ana), body: HTTP.body(["type": "request_edits", "by": "ben", "comments": "x"])
            ) { response in
                #expect(response.status == .forbidden, "ana cannot act as ben")
            }
            let ben = try await gateway.token(for: "ben")
            try await client.execute(uri: uri, method: .post, headers: HTTP.bearer(ben), body: HTTP.body(["type": "cancel", "reason": "mine now"])) {
                response in
                #expect(response.status == .forbidden, "a requester cancels only their own campaigns")
                #expect((HTTP.json(response.body)["detail"] as? String)?.contains("requester or marketing ops") == true)
            }
            try await client.execute(uri: uri, method: .post, headers: HTTP.bearer(olga), body: HTTP.body(["type": "fly"])) { response in
                #expect(response.status == .unprocessableContent)
                #expect(HTTP.pointers(response.body) == ["#/type"])
            }
            async let refusal: Void = gateway.answer { command in
                let edits = try #require(command.typed(as: CampaignCommandIssued.self))
                #expect(edits.data.command == .requestEdits(by: "ana", comments: "shorter"), "by is the signed-in user")
                return [GatewayHarness.rejection(of: command, code: "not_allowed", stage: .triaged)]
            }
            let refused = try await client.execute(
                uri: uri, method: .post, headers: HTTP.bearer(ana), body: HTTP.body(["type": "request_edits", "comments": "shorter"]))
            try await refusal
            #expect(refused.status == .conflict)
            #expect(HTTP.json(refused.body)["code"] as? String == "not_allowed")
            #expect(refused.headers[.contentType] == GatewayProblem.mediaType)

        }
        let audit = try await gateway.store.pool.read { db in try AuditLog.latest(10, in: db) }
        #expect(audit.map(\.outcome) == ["refused:not_allowed"])
        #expect(audit.map(\.user) == ["ana"])
        #expect(audit.allSatisfy { $0.target == "cmp-1" && $0.eventID != nil })
    }

    @Test func aCommandNobodyAnswersInTimeIsAcceptedAsPending() async throws {
        let gateway = try await GatewayHarness.make(answerTimeout: .milliseconds(200))
        try await gateway.fold(campaign: "cmp-1", [.submitted(GatewayHarness.request()), .triaged(.assign(to: .specialist))])
        let olga = try await gateway.token(for: "olga")
        try await gateway.endpoint.application().test(.router) { client in
            try await client.execute(
                uri: "/api/campaigns/cmp-1/commands", method: .post, headers: HTTP.bearer(olga),
                body: HTTP.body(["type": "assign", "specialist": "sam"])
            ) { response in
                #expect(response.status == .accepted, "no station answered in time")
                #expect(HTTP.json(response.body)["status"] as? String == "pending")
            }
        }
        let audit = try await gateway.store.pool.read { db in try AuditLog.latest(10, in: db) }
        #expect(audit.map(\.outcome) == ["no_answer"])
        #expect(audit.map(\.user) == ["olga"])
    }

    @Test func qaChecklistIsPrefilledAndRecordedAsTheReviewer() async throws {
        let gateway = try await GatewayHarness.make()
        let documents = [DocumentVersion(document: "email", version: 1, contentHash: "h1")]
        try await gateway.fold(campaign: "cmp-q", [
            .submitted(GatewayHarness.request()), .triaged(.assign(to: .specialist)), .specialistAssigned("sam"), .buildStarted,
            .documentRevised(documents[0]), .selfReviewStarted, .sentToRequester(round: 1), .requesterApproved(by: "ana"), .qaRequested,
        ])
        let report = QAReportReady(
            campaignID: "cmp-q", documents: documents,
            findings: [.init(document: "email", rule: "link.empty-href", severity: "error", message: "empty link", fix: "add it")],
            worker: "qa-1")
        try await gateway.fold(AnyEnvelope(Envelope.make(report, source: "marquee/qa", now: GatewayHarness.now)))
        let (quinn, sam) = (try await gateway.token(for: "quinn"), try await gateway.token(for: "sara"))
        try await gateway.endpoint.application().test(.router) { client in
            try await client.execute(uri: "/api/campaigns/cmp-q/qa", method: .get, headers: HTTP.bearer(quinn)) { response in
                let review = HTTP.json(response.body)
                let links = (review["checklist"] as? [[String: Any]])?.first { $0["item"] as? String == "links" }
                #expect(links?["result"] as? String == "fail")
                #expect(links?["comment"] as? String == "link.empty-href: empty link")
                #expect(review["outcome"] as? String == "failed")
            }
            let partial = [["item": "content", "result": "pass", "comment": ""]]
            try await client.execute(
                uri: "/api/campaigns/cmp-q/qa", method: .post, headers: HTTP.bearer(quinn), body: HTTP.body(["checklist": partial])
            ) { response in
                #expect(response.status == .unprocessableContent)
                #expect(HTTP.pointers(response.body) == ["#/checklist"])
            }
            let full = ["content", "rendering", "links", "audience", "assets"].map { ["item": $0, "result": "pass", "comment": ""] }
            async let station: Void = gateway.answer { command in
                let issued = try #require(command.typed(as: CampaignCommandIssued.self))
                guard case .recordQA(let verdict) = issued.data.command else { throw GatewayProblem.internalError() }
                #expect(verdict.reviewer == "sara" && verdict.documents == documents && verdict.outcome == .passed)
                return [GatewayHarness.rejection(of: command, code: "reviewer_is_builder", stage: .qaRequested)]
            }
            let response = try await client.execute(
                uri: "/api/campaigns/cmp-q/qa", method: .post, headers: HTTP.bearer(sam), body: HTTP.body(["checklist": full]))
            try await station
            #expect(response.status == .conflict, "separation of duties, as the build station decides it")
            #expect(HTTP.json(response.body)["code"] as? String == "reviewer_is_builder")
        }
    }
}
