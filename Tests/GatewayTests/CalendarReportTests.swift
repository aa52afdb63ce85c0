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

/// The calendar (JSON and the iCalendar feed with its read-only token), reports and CSV exports, history pages and
/// the work lists, through the router.
@Suite struct CalendarReportTests {
    @Test func calendarFiltersByDayAndTheFeedTakesAFeedTokenInTheQuery() async throws {
        let gateway = try await GatewayHarness.make()
        try await gateway.fold(campaign: "cmp-a", [.submitted(GatewayHarness.request(title: "Winter, webinar"))])  // launches 2026-12-08
        let ana = try await gateway.token(for: "ana")
        try await gateway.endpoint.application().test(.router) { client in
            try await client.execute(uri: "/api/calendar?from=2026-12-01&to=2026-12-31", method: .get, headers: HTTP.bearer(ana)) { response in
                let entries = (try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))) as? [[String: Any]]
                #expect(entries?.map { $0["kind"] as? String } == ["launch"])
                #expect(entries?.first?["date"] as? String == "2026-12-08")
            }
            try await client.execute(uri: "/api/calendar?from=2026-12-09", method: .get, headers: HTTP.bearer(ana)) { response in
                #expect(String(buffer: response.body).contains("\"launch\"") == false)
            }
            try await client.execute(uri: "/api/calendar?from=tomorrow&to=2026-01-01", method: .get, headers: HTTP.bearer(ana)) { response in
                #expect(response.status == .badRequest && HTTP.pointers(response.body) == ["?from"])
            }
            let issued = try await client.execute(uri: "/api/calendar/feed-token", method: .post, headers: HTTP.bearer(ana))
            #expect(issued.status == .created)
            let feed = try #require(HTTP.json(issued.body)["token"] as? String)
            #expect(HTTP.json(issued.body)["url"] as? String == "http://localhost/calendar.ics?token=\(feed)")
            try await client.execute(uri: "/calendar.ics?token=\(feed)", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/calendar; charset=utf-8")
                let text = String(buffer: response.body)
                #expect(text.contains("UID:cmp-a-launch@marquee\r\n"))
                #expect(text.contains("SUMMARY:Launch: Winter\\, webinar\r\n"))
                #expect(text.contains("URL:http://localhost/api/campaigns/cmp-a\r\n"))
            }
            try await client.execute(uri: "/calendar.ics?token=mqt_forged", method: .get) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/calendar.ics?token=\(ana)", method: .get) { response in
                #expect(response.status == .unauthorized, "an API token never travels in a URL")
            }
            try await client.execute(uri: "/api/calendar?token=\(feed)", method: .get) { response in
                #expect(response.status == .unauthorized, "only the feed takes a token in the query")
            }
            try await client.execute(uri: "/api/campaigns", method: .get, headers: HTTP.bearer(feed)) { response in
                #expect(response.status == .unauthorized, "a feed token opens nothing but the feed")
            }
        }
    }

    @Test func exportsAreCSVWithFormulasDefused() async throws {
        let gateway = try await GatewayHarness.make()
        try await gateway.fold(campaign: "cmp-x", [.submitted(GatewayHarness.request(title: "=HYPERLINK(\"http://evil\")")), .triaged(.assign(to: .specialist))])
        let olga = try await gateway.token(for: "olga")
        try await gateway.endpoint.application().test(.router) { client in
            try await client.execute(uri: "/api/exports/campaigns.csv", method: .get, headers: HTTP.bearer(olga)) { response in
                let lines = String(buffer: response.body).components(separatedBy: "\r\n")
                #expect(lines.first == "id,title,type,stage,stage_entered_at,requester,specialist,launch_date,sla_due_at,sla_status")
                #expect(lines[1].hasPrefix("cmp-x,\"'=HYPERLINK(\"\"http://evil\"\")\",other,triaged,"))
                #expect(response.headers[.contentDisposition] == "attachment; filename=\"campaigns.csv\"")
            }
            try await client.execute(uri: "/api/exports/stage-timings.csv", method: .get, headers: HTTP.bearer(olga)) { response in
                let lines = String(buffer: response.body).components(separatedBy: "\r\n").filter { !$0.isEmpty }
                #expect(lines.count == 3, "header, submitted, triaged")
            }
            try await client.execute(uri: "/api/reports/stages?campaign=cmp-x", method: .get, headers: HTTP.bearer(olga)) { response in
                let timings = (try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))) as? [[String: Any]]
                #expect(timings?.map { $0["stage"] as? String } == ["submitted", "triaged"])
            }
            try await client.execute(uri: "/api/reports/stages?campaign=cmp-none", method: .get, headers: HTTP.bearer(olga)) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func historyPagesMergeFactsAndRefusals() async throws {
        let gateway = try await GatewayHarness.make()
        try await gateway.fold(campaign: "cmp-h", [.submitted(GatewayHarness.request()), .triaged(.assign(to: .specialist))])
        let command = AnyEnvelope(Envelope.make(CampaignCommandIssued(campaignID: "cmp-h", command: .startBuild), source: "test", now: GatewayHarness.now))
        try await gateway.fold(GatewayHarness.rejection(of: command, code: "not_allowed", stage: .triaged))
        let ana = try await gateway.token(for: "ana")
        try await gateway.endpoint.application().test(.router) { client in
            let first = try await client.execute(uri: "/api/campaigns/cmp-h/history?limit=2", method: .get, headers: HTTP.bearer(ana))
            let page = HTTP.json(first.body)
            #expect((page["items"] as? [[String: Any]])?.map { $0["kind"] as? String } == ["fact", "fact"])
            let cursor = try #require(page["next_cursor"] as? String)
            try await client.execute(uri: "/api/campaigns/cmp-h/history?limit=2&cursor=\(cursor)", method: .get, headers: HTTP.bearer(ana)) { response in
                let rest = HTTP.json(response.body)
                #expect((rest["items"] as? [[String: Any]])?.map { $0["kind"] as? String } == ["refusal"])
                #expect(rest["next_cursor"] == nil)
            }
            try await client.execute(uri: "/api/campaigns/cmp-h/history?cursor=zzz", method: .get, headers: HTTP.bearer(ana)) { response in
                #expect(response.status == .badRequest && HTTP.pointers(response.body) == ["?cursor"])
            }
        }
    }

    @Test func workListsShowWhatWaitsForTheSignedInUser() async throws {
        let gateway = try await GatewayHarness.make()
        try await gateway.foldBuildingCampaign()
        try await gateway.fold(campaign: "cmp-n", [.submitted(GatewayHarness.request()), .triaged(.assign(to: .specialist))])
        let (sam, olga, leo) = (try await gateway.token(for: "sam"), try await gateway.token(for: "olga"), try await gateway.token(for: "leo"))
        try await gateway.endpoint.application().test(.router) { client in
            func actions(_ uri: String, _ token: String) async throws -> [String] {
                let response = try await client.execute(uri: uri, method: .get, headers: HTTP.bearer(token))
                let items = (try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))) as? [[String: Any]]
                return (items ?? []).map { "\($0["campaign_id"] ?? ""):\($0["action"] ?? "")" }
            }
            let (samWork, olgaWork, leoApprovals) = (
                try await actions("/api/work", sam), try await actions("/api/work", olga), try await actions("/api/approvals", leo))
            #expect(samWork == ["cmp-t:submit_for_self_review"])
            #expect(olgaWork == ["cmp-n:assign"])
            #expect(leoApprovals.isEmpty)
            try await client.execute(uri: "/api/campaigns/cmp-n/status", method: .get, headers: HTTP.bearer(leo)) { response in
                let waiting = HTTP.json(response.body)["waiting_for"] as? [[String: Any]]
                #expect(waiting?.map { $0["action"] as? String } == ["assign"])
                #expect(waiting?.first?["users"] as? [String] == ["lena", "olga"])
            }
        }
    }
}
