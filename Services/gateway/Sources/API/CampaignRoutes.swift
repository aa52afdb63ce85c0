import Contracts
import Domain
import Foundation
import GRDB
import Hummingbird
import Logging
import ServiceKit

/// The campaign API (see docs/openapi.yaml):
/// - `GET /api/campaigns?stage=&type=&requester=&limit=&cursor=` — a page of the read model, with an ETag;
/// - `POST /api/campaigns` — a request, checked against the MVP of its type, published as `campaign.request.submitted`;
/// - `GET /api/campaigns/{id}` — the campaign with its history, documents, approvals and refused commands;
/// - `POST /api/campaigns/{id}/commands` — any `CampaignCommand` (docs/events.md), as the signed-in user.
struct CampaignRoutes: Sendable {
    let store: ServiceStore
    let rules: Rules
    let clock: WallClock
    let auth: Authenticator
    let desk: CommandDesk

    func add(to router: Router<BasicRequestContext>) {
        router.get("api/campaigns") { request, _ in try await list(request) }
        router.post("api/campaigns") { request, _ in try await submit(request) }
        router.get("api/campaigns/:id") { request, context in try await detail(request, id: try context.campaignID()) }
        router.post("api/campaigns/:id/commands") { request, context in
            try await command(request, id: try context.campaignID())
        }
    }

    func list(_ request: Request) async throws -> Response {
        _ = try await auth.reader(of: request)
        let filter = try CampaignFilter(query: CampaignFilter.query(of: request))
        let now = clock.now()
        let rows = try await store.pool.read { db in try ReadModel.page(filter, in: db) }
        let items = rows.map { CampaignSummary($0, now: now, calendar: rules.calendar) }
        let next = rows.count == filter.limit ? rows.last.map { PageCursor.encode($0.campaign.id.rawValue) } : nil
        return try ETagged.response(CampaignPage(items: items, nextCursor: next), for: request)
    }

    func detail(_ request: Request, id: CampaignID) async throws -> Response {
        _ = try await auth.reader(of: request)
        guard let detail = try await load(id) else { throw GatewayProblem.unknownCampaign(id.rawValue) }
        return try ETagged.response(detail, for: request)
    }

    /// The campaign as the detail page and the API show it.
    func load(_ id: CampaignID) async throws -> CampaignDetail? {
        let now = clock.now()
        let (rules, clock) = (rules, SLAClock(rules: rules))
        return try await store.pool.read { db in
            guard let row = try ReadModel.row(id, in: db) else { return nil }
            return CampaignDetail(
                summary: CampaignSummary(row, now: now, calendar: rules.calendar), campaign: row.campaign,
                history: try ReadModel.facts(of: id, in: db), rejections: try ReadModel.rejections(of: id, in: db),
                deadlines: clock.openDeadlines(of: row.campaign))
        }
    }

    func submit(_ request: Request) async throws -> Response {
        let actor = try await auth.writer(of: request)
        try actor.require(anyOf: [.requester], to: "submitting a campaign request")
        var body = try await BodyDecoding.object(of: request)
        if let requester = body["requester"], requester != .string(actor.user.id.rawValue) {
            throw GatewayProblem.forbidden("#/requester must be you (\(actor.user.id)) or left out")
        }
        body["requester"] = .string(actor.user.id.rawValue)
        let campaignRequest = try BodyDecoding.decode(CampaignRequest.self, from: .object(body))
        let decision = triage(campaignRequest, rules: rules)
        let allowIncomplete = request.uri.queryParameters["allow_incomplete"] == "true"
        guard decision.fieldErrors.isEmpty || allowIncomplete else {
            throw GatewayProblem.invalid(
                "the request lacks what a \(campaignRequest.type.rawValue) needs; complete it or send ?allow_incomplete=true "
                    + "to have intake hold it", errors: decision.fieldErrors)
        }
        let id = CampaignID.new(at: clock.now())
        let sent = try await desk.send(
            RequestSubmitted(campaignID: id, request: campaignRequest), by: actor.user, action: "campaign.request.submitted",
            target: id.rawValue)
        return try CommandAnswer.response(sent.outcome, id: sent.id, campaign: id, created: true)
    }

    func command(_ request: Request, id: CampaignID) async throws -> Response {
        let actor = try await auth.writer(of: request)
        let body = try await BodyDecoding.object(of: request)
        let kind = try BodyDecoding.decode(CommandKind.self, from: body["type"] ?? .null, at: "/type")
        guard let roles = CommandPermission.roles(for: kind, rules: rules) else {
            throw GatewayProblem.forbidden("\(kind.rawValue) is issued by the line itself, not through the gateway")
        }
        try actor.require(anyOf: roles, to: kind.rawValue)
        let command = try BodyDecoding.decode(
            CampaignCommand.self, from: .object(try ActingUser.stamp(actor.user.id, into: body, kind: kind)))
        return try await send(command, to: id, by: actor.user)
    }

    /// Publishes `command` for a known campaign as `user` and answers with its outcome.
    func send(_ command: CampaignCommand, to id: CampaignID, by user: GatewayUser) async throws -> Response {
        guard let row = try await store.pool.read({ db in try ReadModel.row(id, in: db) }) else {
            throw GatewayProblem.unknownCampaign(id.rawValue)
        }
        if case .cancel = command, !CommandPermission.mayCancel(row.campaign, as: user) {
            throw GatewayProblem.forbidden("only the campaign's requester or marketing ops may cancel \(id.rawValue)")
        }
        let issued = CampaignCommandIssued(campaignID: id, command: command)
        let sent = try await desk.send(issued, by: user, action: issued.topic.rawValue, target: id.rawValue)
        return try CommandAnswer.response(sent.outcome, id: sent.id, campaign: id)
    }
}

extension BasicRequestContext {
    /// The `:id` path parameter as a campaign id.
    func campaignID() throws -> CampaignID {
        guard let id = parameters.get("id"), !id.isEmpty else { throw GatewayProblem.badRequest("the campaign id is missing") }
        return CampaignID(rawValue: id)
    }
}
