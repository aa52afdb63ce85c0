import Contracts
import Domain
import Foundation
import GRDB
import Hummingbird
import Logging
import ServiceKit

/// `/campaigns/{id}`: the campaign with its full history and the command forms the user's roles allow.
/// `POST /campaigns/{id}/commands` turns a form into the API's command body and sends it the API's way
/// (``CommandPermission``, ``ActingUser``, ``CampaignRoutes/send(_:to:by:)``); accepted, it goes back to the
/// page, refused, it re-renders the page with the station's message.
extension DashboardRoutes {
    func campaignPage(_ id: CampaignID, _ actor: Actor, notice: String? = nil, status: HTTPResponse.Status = .ok)
        async throws -> Response
    {
        guard let detail = try await campaigns.load(id) else { throw GatewayProblem.unknownCampaign(id.rawValue) }
        let reports = try await store.pool.read { db in try ReadModel.qaReports(of: id, in: db) }
        let view = CampaignView(
            detail, reports: reports, actions: CommandForms(campaign: detail.campaign, user: actor.user, rules: rules),
            notice: notice,
            csrf: actor.csrf ?? "")
        return renderer.page(
            "campaign", view,
            chrome: PageChrome(title: detail.summary.title, path: "/campaigns", actor: actor, live: "campaigns"),
            status: status)
    }

    func sendCommand(_ request: Request, id: CampaignID, _ actor: Actor) async throws -> Response {
        let form = try await WebForm.read(request)
        let actor = try await auth.writer(of: request, formToken: form["_csrf"] ?? "")
        do {
            let body = try await commandBody(form, id: id)
            let kind = try BodyDecoding.decode(CommandKind.self, from: body["type"] ?? .null, at: "/type")
            guard let roles = CommandPermission.roles(for: kind, rules: rules) else {
                throw GatewayProblem.forbidden("\(kind.rawValue) is issued by the line itself, not through the gateway")
            }
            try actor.require(anyOf: roles, to: kind.rawValue)
            let command = try BodyDecoding.decode(
                CampaignCommand.self, from: .object(try ActingUser.stamp(actor.user.id, into: body, kind: kind)))
            _ = try await campaigns.send(command, to: id, by: actor.user)
            return Self.redirect("/campaigns/\(id.rawValue)")
        } catch let problem as GatewayProblem where problem.statusCode != 404 {
            let fields = (problem.errors ?? []).map { "\($0.pointer.split(separator: "/").last ?? ""): \($0.detail)" }
            let message = ([problem.detail] + fields).joined(separator: " — ")
            return try await campaignPage(
                id, actor, notice: "\(problem.title): \(message)", status: HTTPResponse.Status(code: problem.statusCode)
            )
        }
    }

    /// The API body of the command a form sends: `type` and the fields that command takes.
    private func commandBody(_ form: WebForm, id: CampaignID) async throws -> [String: JSONValue] {
        guard let type = form["type"] else { throw GatewayProblem.badRequest("the form names no command") }
        var body: [String: JSONValue] = ["type": .string(type)]
        for (field, key) in [
            ("specialist", "specialist"), ("comments", "comments"), ("reason", "reason"), ("go_live_at", "go_live_at"),
        ] {
            if let value = form[field] { body[key] = .string(value) }
        }
        if type == CommandKind.decideApproval.rawValue {
            guard let campaign = try await campaigns.load(id)?.campaign else {
                throw GatewayProblem.unknownCampaign(id.rawValue)
            }
            var approval: [String: JSONValue] = [
                "step": .string(form["step"] ?? ""), "verdict": .string(form["verdict"] ?? ""),
                "documents": JSONValue.parse(try MarqueeJSON.encode(campaign.documents)) ?? .array([]),
            ]
            if let comments = form["comments"] { approval["comments"] = .string(comments) }
            body["approval"] = .object(approval)
            body["comments"] = nil
        }
        return body
    }
}
