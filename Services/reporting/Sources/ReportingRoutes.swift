import Contracts
import Domain
import Foundation
import GRDB
import Hummingbird
import Logging
import NIOCore
import Reporting
import ServiceKit

/// marquee-reporting's HTTP API, beside `/metrics` and `/health`:
/// - `GET /reports/weekly?week=2026-W47&format=html|csv|json` (week defaults to the current one);
/// - `GET /reports/campaigns/{id}?format=html|csv|json` (as of now);
/// - `POST /kpi?campaign=ID&format=csv|json` with the KPI file as body (format defaults from Content-Type):
///   200 with `{"campaign_id", "imported"}`, or 422 problem+json listing every bad row while keeping the good ones.
public struct ReportingRoutes: Sendable {
    let store: ServiceStore
    let rules: Rules
    let clock: WallClock
    let logger: Logger

    /// The largest KPI file accepted.
    public static let maxUploadBytes = 16 << 20

    /// Routes over `store` under `rules`; "now" comes from `clock`.
    public init(store: ServiceStore, rules: Rules, clock: WallClock, logger: Logger) {
        self.store = store
        self.rules = rules
        self.clock = clock
        self.logger = logger
    }

    /// Adds the routes to `router`.
    public func add(to router: Router<BasicRequestContext>) {
        router.get("reports/weekly") { request, _ in await self.weekly(request) }
        router.get("reports/campaigns/:id") { request, context in
            await self.campaign(context.parameters.get("id") ?? "", request)
        }
        router.post("kpi") { request, _ in await self.importKPI(request) }
    }

    func weekly(_ request: Request) async -> Response {
        let query = request.uri.queryParameters
        guard let format = Self.format(query["format"]) else { return ProblemDetails.badRequest(Self.formatHint).response }
        let week: ISOWeek
        if let text = query["week"] {
            guard let parsed = ISOWeek(text: String(text)) else {
                return ProblemDetails.badRequest("week must look like 2026-W47, got \"\(text)\"").response
            }
            week = parsed
        } else {
            week = ISOWeek(containing: clock.now(), in: rules.calendar.zone)
        }
        return await respond(format) { db in try format.render(WeeklyReport(week: week, data: try ReportingStore.data(in: db), rules: rules)) }
    }

    func campaign(_ id: String, _ request: Request) async -> Response {
        guard let format = Self.format(request.uri.queryParameters["format"]) else {
            return ProblemDetails.badRequest(Self.formatHint).response
        }
        let now = clock.now()
        let campaign = CampaignID(rawValue: id)
        return await respond(format) { db in
            guard let track = try ReportingStore.track(campaign, in: db) else { return nil }
            return try format.render(CampaignReport(track: track, data: try ReportingStore.data(in: db), rules: rules, asOf: now))
        } missing: {
            ProblemDetails.unknownCampaign(id).response
        }
    }

    func importKPI(_ request: Request) async -> Response {
        let query = request.uri.queryParameters
        guard let campaignText = query["campaign"], !campaignText.isEmpty else {
            return ProblemDetails.badRequest("the campaign query parameter is required").response
        }
        let campaign = CampaignID(rawValue: String(campaignText))
        let contentType = request.headers[.contentType] ?? ""
        let isJSON = query["format"].map { $0 == "json" } ?? contentType.contains("json")
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: Self.maxUploadBytes)
        } catch {
            return ProblemDetails.badRequest("the body is larger than \(Self.maxUploadBytes) bytes or unreadable").response
        }
        let bytes = Data(body.readableBytesView)
        let result: KPIImport
        if isJSON {
            result = KPIImport.json(bytes, campaign: campaign)
        } else {
            guard let text = String(validating: bytes, as: UTF8.self) else {
                return ProblemDetails.badRequest("the CSV is not UTF-8 text").response
            }
            result = KPIImport.csv(text, campaign: campaign)
        }
        do {
            let known = try await store.pool.write { db in
                guard try ReportingStore.track(campaign, in: db) != nil else { return false }
                try ReportingStore.save(result.records, in: db)
                return true
            }
            guard known else { return ProblemDetails.unknownCampaign(campaign.rawValue).response }
        } catch {
            logger.error("KPI import not stored", metadata: [LogKey.campaignID: "\(campaign)", LogKey.error: "\(error)"])
            return Response(status: .internalServerError)
        }
        logger.info(
            "KPI imported",
            metadata: [LogKey.campaignID: "\(campaign)", "kpi.rows": "\(result.records.count)", "kpi.errors": "\(result.errors.count)"])
        guard result.errors.isEmpty else {
            return ProblemDetails(
                type: "https://marquee.example/problems/kpi-rows", title: "Some KPI rows are invalid", status: 422,
                detail: "\(result.errors.count) problem(s); \(result.records.count) good row(s) were imported",
                errors: result.errors, imported: result.records.count
            ).response
        }
        return Self.json(.object(["campaign_id": .string(campaign.rawValue), "imported": .integer(Int64(result.records.count))]))
    }

    /// Renders in a read transaction; `nil` from `render` answers `missing`.
    private func respond(
        _ format: ReportFormat, _ render: @escaping @Sendable (Database) throws -> Data?,
        missing: @Sendable () -> Response = { Response(status: .notFound) }
    ) async -> Response {
        do {
            guard let bytes = try await store.pool.read(render) else { return missing() }
            return Response(
                status: .ok, headers: [.contentType: format.contentType], body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
        } catch {
            logger.error("report not rendered", metadata: [LogKey.error: "\(error)"])
            return Response(status: .internalServerError)
        }
    }

    static let formatHint = "format must be one of html, csv, json"

    static func format(_ text: Substring?) -> ReportFormat? {
        guard let text else { return .html }
        return ReportFormat(rawValue: String(text))
    }

    static func json(_ value: JSONValue) -> Response {
        let body = (try? MarqueeJSON.encode(value)) ?? Data()
        return Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
}
