import Assistant
import Contracts
import Domain
import Foundation
import GRDB
import Library
import ServiceKit

extension AssistantDesk {
    /// "give me the <name> template [for <campaign>]": the current version, filled for the campaign; a
    /// template the library lacks logs a request to its owner and, for a campaign, publishes the flag.
    func template(_ name: String, for campaignName: String?, _ message: AssistantMessage, now: Date, today: Day)
        async throws -> AssistantAnswer
    {
        var campaign: CampaignSummary?
        if let campaignName {
            switch try await lookUp(campaignName, today: today) {
            case .success(let found): campaign = found
            case .failure(let problem): return AssistantAnswer(reply: Self.describe(problem), intent: "template")
            }
        }
        let handout = try await library.handOut(
            templateNamed: name, for: campaign.map { (id: $0.id, request: $0.request) }, requestedBy: message.user, at: now)
        switch handout {
        case .rendered(let template, let text, let unfilled):
            let note = unfilled.isEmpty ? "" : "\n\n(Still empty: \(unfilled.joined(separator: ", ")).)"
            return AssistantAnswer(
                reply: "\(template.title) (\(template.hash.rawValue.prefix(19))):\n\n\(text)\(note)", intent: "template",
                campaignID: campaign?.id)
        case .missing(let request):
            if let escalation = request.escalation(rules: rules) {
                try await store.write(source: Self.source, now: now) { _, outbox in
                    _ = outbox.emit(TemplateMissing(escalation: escalation, requestedBy: message.user))
                }
            }
            let flagged = campaign.map { " I flagged \($0.request.title) and" } ?? ""
            return AssistantAnswer(
                reply: "The library has no \(name) template.\(flagged) I logged a request to its owner, \(request.owner).",
                intent: "template", campaignID: campaign?.id)
        }
    }

    /// "draft the go-live announcement for <campaign>": the go-live template filled for it, polished by the
    /// language model when one is configured (the filled template when it fails).
    func announcement(for campaignName: String, _ message: AssistantMessage, now: Date, today: Day) async throws
        -> AssistantAnswer
    {
        guard case .success(let campaign) = try await lookUp(campaignName, today: today) else {
            return AssistantAnswer(reply: "I don't know a campaign called \"\(campaignName)\".", intent: "announcement")
        }
        let handout = try await library.handOut(
            templateNamed: "go-live announcement", for: (id: campaign.id, request: campaign.request), requestedBy: message.user, at: now)
        guard case .rendered(_, let text, _) = handout else {
            return AssistantAnswer(
                reply: "The library has no go-live announcement template; I logged a request to its owner.",
                intent: "announcement", campaignID: campaign.id)
        }
        let polished = try? await writer?.complete(
            system: "Rewrite this go-live announcement for a marketing team. Keep every fact; plain text.", user: text)
        return AssistantAnswer(reply: polished ?? text, intent: "announcement", campaignID: campaign.id)
    }

    /// "find <words>": the best five library documents.
    func search(_ query: String) async throws -> AssistantAnswer {
        let hits = try await library.search(query, limit: 5)
        guard !hits.isEmpty else { return AssistantAnswer(reply: "Nothing in the library matches \"\(query)\".", intent: "search") }
        let lines = hits.map { "- \($0.title) (\($0.path)): \($0.snippet)" }
        return AssistantAnswer(reply: "From the library:\n" + lines.joined(separator: "\n"), intent: "search")
    }

    func lookUp(_ name: String, today: Day) async throws -> Result<CampaignSummary, LookupProblem> {
        let campaigns = try await store.pool.read { db in try AssistantTables.campaigns(in: db) }
        return LineAnswers(campaigns: campaigns, rules: rules, today: today).lookUp(name)
    }

    static func describe(_ problem: LookupProblem) -> String {
        switch problem {
        case .unknown(let name): "I don't know a campaign called \"\(name)\"."
        case .ambiguous(let ids): "Several campaigns match: \(ids.map(\.rawValue).joined(separator: ", ")). Which one?"
        }
    }
}
