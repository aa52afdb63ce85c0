import Contracts
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Prometheus
import Reporting
import ReportingFixtures
import ReportingService
import ServiceKit
import ServiceTestKit
import Testing

/// The HTTP API over a store holding ``FixedHistory``: reports in every format, KPI import with row-level
/// problems, and bad requests answered with problem+json instead of crashing.
@Suite struct ReportingRoutesTests {
    static func endpoint(_ store: ServiceStore) -> ReportingEndpoint {
        ReportingEndpoint(
            host: "127.0.0.1", port: 0, registry: PrometheusCollectorRegistry(),
            health: ServiceHealth(service: "reporting", store: store, control: nil, logger: .quiet),
            routes: ReportingRoutes(store: store, rules: FixedHistory.rules, clock: WallClock { FixedHistory.at(23, 0) }, logger: .quiet),
            onReady: { _ in }, logger: .quiet)
    }

    static func json(_ buffer: ByteBuffer) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(buffer.readableBytesView))) as? [String: Any]
    }

    @Test func weeklyReportInEveryFormat() async throws {
        let store = try await FoldedStore.fixedHistory()
        try await Self.endpoint(store).application().test(.router) { client in
            try await client.execute(uri: "/reports/weekly?week=2026-W47&format=json", method: .get) { response in
                #expect(response.status == .ok)
                let yield = Self.json(response.body)?["qa_yield"] as? [String: Any]
                #expect(yield?["first_pass"] as? Int == 1 && yield?["campaigns"] as? Int == 2)
            }
            try await client.execute(uri: "/reports/weekly?week=2026-W47&format=csv", method: .get) { response in
                #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
                #expect(String(buffer: response.body).contains("sla_by_owner,specialist,compliance,0.8750\r\n"))
            }
            try await client.execute(uri: "/reports/weekly?week=2026-W47", method: .get) { response in
                #expect(String(buffer: response.body).hasPrefix("<!DOCTYPE html>"))
            }
            try await client.execute(uri: "/reports/weekly", method: .get) { response in
                #expect(String(buffer: response.body).contains("Weekly operations report 2026-W48"), "the clock's week")
            }
            for uri in ["/reports/weekly?week=2026-W54", "/reports/weekly?week=47", "/reports/weekly?format=pdf"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .badRequest, "\(uri)")
                    #expect(response.headers[.contentType] == ProblemDetails.mediaType)
                    #expect(Self.json(response.body)?["status"] as? Int == 400)
                }
            }
        }
    }

    @Test func campaignReportAndUnknownCampaign() async throws {
        let store = try await FoldedStore.fixedHistory()
        try await Self.endpoint(store).application().test(.router) { client in
            try await client.execute(uri: "/reports/campaigns/cmp-b?format=json", method: .get) { response in
                #expect(response.status == .ok)
                let body = Self.json(response.body)
                #expect(body?["launched_at"] as? String == "2026-11-20T09:00:00.000Z")
                #expect((body?["target"] as? [String: Any])?["metric"] as? String == "ctr")
            }
            try await client.execute(uri: "/reports/campaigns/cmp-zzz", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(Self.json(response.body)?["title"] as? String == "Unknown campaign")
            }
        }
    }

    @Test func kpiImportKeepsGoodRowsAndAnswersProblemDetails() async throws {
        let store = try await FoldedStore.fixedHistory()
        let csv = "date,channel,impressions,clicks,opens,conversions,spend,revenue\n2026-11-20,email,1000,50,400,5,100,450\n"
            + "2026-11-21,fax,10,1,0,0,1,0\n"
        try await Self.endpoint(store).application().test(.router) { client in
            try await client.execute(
                uri: "/kpi?campaign=cmp-b", method: .post, headers: [.contentType: "text/csv"], body: ByteBuffer(string: csv)
            ) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.headers[.contentType] == ProblemDetails.mediaType)
                let problem = try MarqueeJSON.decoder().decode(ProblemDetails.self, from: Data(response.body.readableBytesView))
                #expect(problem.imported == 1)
                #expect(problem.errors == [KPIRowError(
                    row: 3, column: "channel",
                    message: "unknown channel \"fax\"; expected one of email, web, social, instagram, linkedin, paid, sms")])
            }
            try await client.execute(
                uri: "/kpi?campaign=cmp-b&format=json", method: .post,
                body: ByteBuffer(string: #"[{"date": "2026-11-22", "channel": "web", "impressions": 10, "clicks": 1, "conversions": 0, "spend": 1}]"#)
            ) { response in
                #expect(response.status == .ok)
                #expect(Self.json(response.body)?["imported"] as? Int == 1)
            }
            try await client.execute(uri: "/reports/campaigns/cmp-b?format=json", method: .get) { response in
                let total = Self.json(response.body)?["total"] as? [String: Any]
                #expect(total?["impressions"] as? Int == 1010)
            }
            for (uri, status) in [("/kpi?campaign=nope", HTTPResponse.Status.notFound), ("/kpi", .badRequest)] {
                try await client.execute(uri: uri, method: .post, body: ByteBuffer(string: csv)) { response in
                    #expect(response.status == status, "\(uri)")
                }
            }
            try await client.execute(
                uri: "/kpi?campaign=cmp-b", method: .post, body: ByteBuffer(bytes: [0xFF, 0xFE, 0x00, 0x81])
            ) { response in
                #expect(response.status == .badRequest)
            }
        }
    }
}
