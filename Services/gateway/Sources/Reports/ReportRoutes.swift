import Domain
import Foundation
import GRDB
import Hummingbird
import NIOCore
import ServiceKit

/// Process reports from the read model, for marketing ops, its lead and the administrator:
/// - `GET /api/reports/stages[?campaign=ID]` — every stay of every campaign in a stage (``StageTiming``);
/// - `GET /api/exports/campaigns.csv` — the campaign list as CSV;
/// - `GET /api/exports/stage-timings.csv` — the stage timings as CSV.
struct ReportRoutes: Sendable {
    let store: ServiceStore
    let rules: Rules
    let auth: Authenticator
    let clock: WallClock

    /// Who reads reports.
    static let readers: [Role] = [.marketingOps, .marketingOpsLead, .admin]

    func add(to router: Router<BasicRequestContext>) {
        router.get("api/reports/stages") { request, _ in
            let campaign = request.uri.queryParameters["campaign"].map { CampaignID(rawValue: String($0)) }
            return try ETagged.response(try await timings(request, campaign: campaign), for: request)
        }
        router.get("api/exports/campaigns.csv") { request, _ in try await campaignsCSV(request) }
        router.get("api/exports/stage-timings.csv") { request, _ in
            let timings = try await timings(request, campaign: nil)
            let iso = ISO8601DateFormatter()
            return Self.csv(
                CSVTable(
                    header: ["campaign_id", "title", "stage", "entered_at", "left_at", "seconds", "business_seconds"],
                    rows: timings.map {
                        [$0.campaignID.rawValue, $0.title, $0.stage.rawValue, iso.string(from: $0.enteredAt), $0.leftAt.map(iso.string) ?? "",
                         String(Int($0.seconds)), String(Int($0.businessSeconds))]
                    }), name: "stage-timings.csv")
        }
    }

    private func rows(_ request: Request, campaign: CampaignID? = nil) async throws -> [CampaignRow] {
        let actor = try await auth.reader(of: request)
        try actor.require(anyOf: Self.readers, to: "reading reports")
        return try await store.pool.read { db in
            if let campaign { return try ReadModel.row(campaign, in: db).map { [$0] } ?? [] }
            return try ReadModel.campaigns(in: db)
        }
    }

    func timings(_ request: Request, campaign: CampaignID?) async throws -> [StageTiming] {
        let now = clock.now()
        let rows = try await rows(request, campaign: campaign)
        if let campaign, rows.isEmpty { throw GatewayProblem.unknownCampaign(campaign.rawValue) }
        return rows.flatMap { StageTiming.timings(of: $0.campaign, now: now, calendar: rules.calendar) }
    }

    func campaignsCSV(_ request: Request) async throws -> Response {
        let now = clock.now()
        let iso = ISO8601DateFormatter()
        let summaries = try await rows(request).map { CampaignSummary($0, now: now, calendar: rules.calendar) }
        return Self.csv(
            CSVTable(
                header: ["id", "title", "type", "stage", "stage_entered_at", "requester", "specialist", "launch_date", "sla_due_at", "sla_status"],
                rows: summaries.map {
                    [$0.id.rawValue, $0.title, $0.type.rawValue, $0.stage.rawValue, iso.string(from: $0.stageEnteredAt), $0.requester.rawValue,
                     $0.specialist?.rawValue ?? "", $0.launchDate?.iso ?? "", $0.slaDueAt.map(iso.string) ?? "", $0.slaStatus.rawValue]
                }), name: "campaigns.csv")
    }

    static func csv(_ table: CSVTable, name: String) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: "text/csv; charset=utf-8; header=present", .contentDisposition: "attachment; filename=\"\(name)\""],
            body: ResponseBody(byteBuffer: ByteBuffer(string: table.text)))
    }
}
