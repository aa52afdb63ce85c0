import Contracts
import Domain
import Foundation
import GRDB
import Hummingbird
import Logging
import ServiceKit

/// `/requests/new`: the request form with the brief template. Posting it (`POST /requests`) checks it with
/// Domain's MVP triage: what is missing or unreadable re-renders the form with the list and the field errors
/// (unless "submit anyway" is ticked: intake holds it); a complete request is sent as the API sends it, through
/// the ``CommandDesk``. `/requests/new?campaign=` fills the form with a held request of the user's; posting it
/// resubmits that campaign (`resubmit`, the API's command path). `POST /requests/check` answers the same check as JSON for the form's inline list.
extension DashboardRoutes {
    struct RequestView {
        struct Field {
            var name: String
            var label: String
            var hint: String
            var value: String
            var error: String?
            var multiline: Bool
        }

        var lead: [Field]
        var brief: [Field]
        var more: [Field]
        var types: [SelectOption]
        var objectives: [SelectOption]
        var channels: [SelectOption]
        var channelsError: String?
        var objectiveError: String?
        var missing: [RequestDraft.Problem]
        var submitted: Bool
        var incomplete: Bool
        var notice: String?
        var csrf: String
        /// The held campaign whose request is being completed, if any.
        var completing: String?
    }

    static let hints: [String: String] = [
        "title": "A short name people will recognise.",
        "goal": "What should the campaign achieve? A number if you can (\"200 sign-ups\").",
        "audience": "Who is it for?",
        "key_message": "The one thing the audience should take away.",
        "budget": "In major units, e.g. 12000.50.",
        "currency": "ISO code, e.g. EUR.",
        "launch_date": "YYYY-MM-DD.",
        "outline": "The content, section by section.",
        "asset_needs": "One per line: channel format WIDTHxHEIGHT (email png 600x200).",
        "timeline": "One milestone per line: YYYY-MM-DD name.",
        "swot_strengths": "One per line.", "swot_weaknesses": "One per line.",
        "swot_opportunities": "One per line.", "swot_threats": "One per line.",
    ]

    func requestForm(
        _ actor: Actor, draft: RequestDraft? = nil, missing: [RequestDraft.Problem] = [], notice: String? = nil,
        completing: CampaignID? = nil, status: HTTPResponse.Status = .ok
    ) -> Response {
        let problems = (draft?.problems ?? []) + missing
        func error(_ name: String) -> String? {
            let field = name.hasPrefix("swot_") ? "swot" : name
            let details = problems.filter { $0.field == field }.map(\.detail)
            return details.isEmpty || (field == "swot" && name != "swot_strengths")
                ? nil : details.joined(separator: "; ")
        }
        func field(_ name: String, multiline: Bool = false) -> RequestView.Field {
            RequestView.Field(
                name: name,
                label: name.hasPrefix("swot_") ? "SWOT: " + name.dropFirst(5) : RequestDraft.label(of: name),
                hint: Self.hints[name] ?? "", value: draft?.values[name] ?? "", error: error(name), multiline: multiline
            )
        }
        let type = draft?.request.type ?? .other
        let view = RequestView(
            lead: [field("title")],
            brief: [field("goal", multiline: true), field("audience"), field("key_message")],
            more: [
                field("budget"), field("currency"), field("launch_date"), field("outline", multiline: true),
                field("asset_needs", multiline: true), field("timeline", multiline: true),
                field("swot_strengths", multiline: true),
                field("swot_weaknesses", multiline: true), field("swot_opportunities", multiline: true),
                field("swot_threats", multiline: true),
            ],
            types: CampaignType.allCases.map {
                SelectOption(value: $0.rawValue, label: $0.rawValue, selected: $0 == type)
            },
            objectives: Objective.allCases.map {
                SelectOption(value: $0.rawValue, label: $0.rawValue, selected: $0 == draft?.request.objective)
            },
            channels: Channel.allCases.map {
                SelectOption(value: $0.rawValue, label: $0.rawValue, selected: draft?.channels.contains($0) ?? false)
            },
            channelsError: error("channels"), objectiveError: error("objective"), missing: problems,
            submitted: draft != nil, incomplete: draft != nil && !problems.isEmpty,
            notice: notice, csrf: actor.csrf ?? "", completing: completing?.rawValue)
        return renderer.page(
            "request", view,
            chrome: PageChrome(title: "New request", path: "/requests/new", actor: actor, live: "form"), status: status)
    }

    /// The empty form, or with `?campaign=` the form filled in with a held request of the user's to complete.
    func newRequestPage(_ request: Request, _ actor: Actor) async throws -> Response {
        guard let id = request.uri.queryParameters["campaign"].map({ CampaignID(rawValue: String($0)) }) else {
            return requestForm(actor)
        }
        let draft = RequestDraft(request: try await heldRequest(id, of: actor).request)
        return requestForm(actor, draft: draft, missing: draft.missing(under: rules), completing: id)
    }

    /// The campaign `id` when it is a request of `actor`'s that intake holds; 404 or 409 otherwise.
    private func heldRequest(_ id: CampaignID, of actor: Actor) async throws -> Campaign {
        guard let campaign = try await campaigns.load(id)?.campaign else {
            throw GatewayProblem.unknownCampaign(id.rawValue)
        }
        guard campaign.request.requester == actor.user.id, campaign.stage == .heldInIntake else {
            throw GatewayProblem(
                type: "not-held", title: "Not a held request of yours", status: 409,
                detail: "only the requester completes a request, and only while intake holds it")
        }
        return campaign
    }

    func submitRequest(_ request: Request, _ actor: Actor) async throws -> Response {
        let form = try await WebForm.read(request)
        let actor = try await auth.writer(of: request, formToken: form["_csrf"] ?? "")
        try actor.require(anyOf: [.requester], to: "submitting a campaign request")
        let completing = form["campaign"].map(CampaignID.init(rawValue:))
        if let completing { _ = try await heldRequest(completing, of: actor) }
        let draft = RequestDraft(form: form, requester: actor.user.id)
        let missing = draft.missing(under: rules)
        if !draft.problems.isEmpty || (!missing.isEmpty && form["allow_incomplete"] == nil) {
            return requestForm(
                actor, draft: draft, missing: missing, completing: completing, status: HTTPResponse.Status(code: 422))
        }
        if let completing {
            do {
                _ = try await campaigns.send(.resubmit(draft.request), to: completing, by: actor.user)
            } catch let problem as GatewayProblem {
                return requestForm(
                    actor, draft: draft, notice: "\(problem.title): \(problem.detail)", completing: completing,
                    status: problem.status)
            }
            return Self.redirect("/campaigns/\(completing.rawValue)")
        }
        let id = CampaignID.new(at: clock.now())
        let sent = try await campaigns.desk.send(
            RequestSubmitted(campaignID: id, request: draft.request), by: actor.user,
            action: "campaign.request.submitted",
            target: id.rawValue)
        if case .rejected(let rejection) = sent.outcome {
            return requestForm(
                actor, draft: draft, notice: "Intake refused it: \(rejection.message)", status: .conflict)
        }
        return Self.redirect("/campaigns/\(id.rawValue)")
    }

    /// The inline MVP check: `{"missing": [{field, label, detail}…], "errors": […]}`.
    func checkRequest(_ request: Request, _ actor: Actor) async throws -> Response {
        let form = try await WebForm.read(request)
        let actor = try await auth.writer(of: request, formToken: form["_csrf"])  // the field, else X-CSRF-Token
        let draft = RequestDraft(form: form, requester: actor.user.id)
        return try JSONResponse.make(["missing": draft.missing(under: rules), "errors": draft.problems])
    }
}
