import Assistant
import Contracts
import Domain
import Foundation
import GRDB
import Library
import ServiceKit

/// Answers chat messages as the user who sends them: line questions from the folded campaigns, templates
/// and search from the knowledge library, asset spec checks from the rules, and request intake, whose
/// submissions are published through the outbox as `campaign.request.submitted` / `.resubmitted`.
///
/// It never issues approvals or any other command: the only events it publishes are requests (for a user
/// holding `requester`, as that user) and `library.template.missing`.
public struct AssistantDesk: Sendable {
    let store: ServiceStore
    let library: LibraryStore
    let rules: Rules
    let interpreter: IntentInterpreter
    let writer: (any LanguageModel)?

    /// The CloudEvents source of what it publishes.
    public static let source = "marquee/assistant"

    /// A desk over `store` (migrated with ``AssistantTables/register(_:)``); `model`, when set, reads free
    /// text the rules do not understand and drafts announcements.
    public init(store: ServiceStore, templateOwner: UserID, rules: Rules, model: (any LanguageModel)?) {
        self.store = store
        self.library = LibraryStore(migrated: store.pool, templateOwner: templateOwner)
        self.rules = rules
        self.interpreter = IntentInterpreter(model: model)
        self.writer = model
    }

    /// Installs the built-in templates and SOPs the library lacks.
    public func prepare(now: Date) async throws {
        try await library.installBuiltIns(at: now)
    }

    /// The answer to `message`, received at `now`.
    public func answer(_ message: AssistantMessage, now: Date) async throws -> AssistantAnswer {
        let today = Day(containing: now, in: TimeZone(identifier: rules.calendar.timeZone) ?? .current)
        let intent = try await intent(of: message)
        switch intent {
        case .intake: return try await intake(message, now: now, today: today)
        case .status, .blocking, .approvers, .dueThisWeek:
            let campaigns = try await store.pool.read { db in try AssistantTables.campaigns(in: db) }
            let reply = LineAnswers(campaigns: campaigns, rules: rules, today: today).answer(intent) ?? ""
            return AssistantAnswer(reply: reply, intent: intent.name)
        case .template(let name, let campaign): return try await template(name, for: campaign, message, now: now, today: today)
        case .draftAnnouncement(let campaign): return try await announcement(for: campaign, message, now: now, today: today)
        case .search(let query): return try await search(query)
        case .assetCheck(let file, let channel): return assetCheck(file, on: channel)
        case .decision:
            return AssistantAnswer(
                reply: "I can't approve or reject anything. Approvers sign off in the dashboard, where the approval matrix "
                    + "checks who may decide.", intent: intent.name)
        }
    }

    /// During an open intake conversation only the rules decide, and "find …" is an answer, not a search;
    /// otherwise the interpreter (with the language model, if any) reads the message.
    func intent(of message: AssistantMessage) async throws -> AssistantIntent {
        let (user, id) = (message.user, message.conversationID)
        let conversation = try await store.pool.read { db in try StoredConversation.load(user: user, id: id, in: db) }
        guard let conversation, conversation.intake.phase != .done else { return await interpreter.intent(of: message.text).0 }
        let intent = IntentRules.intent(of: message.text)
        if case .search = intent { return .intake }
        return intent
    }

    func intake(_ message: AssistantMessage, now: Date, today: Day) async throws -> AssistantAnswer {
        guard message.roles.contains(.requester) else {
            return AssistantAnswer(
                reply: "Only requesters can submit campaign requests. Ask me about a campaign's status, what blocks it, "
                    + "who approves it, what's due this week, or for a template.", intent: "intake")
        }
        let (user, id) = (message.user, message.conversationID)
        var conversation =
            try await store.pool.read { db in try StoredConversation.load(user: user, id: id, in: db) }
            ?? StoredConversation(intake: IntakeConversation(requester: user), campaignID: nil, resubmissions: 0)
        if conversation.intake.phase == .done {
            conversation = StoredConversation(intake: IntakeConversation(requester: user), campaignID: nil, resubmissions: 0)
        }
        let turn = conversation.intake.receive(message.text, today: today, rules: rules)
        switch turn.submission {
        case .submitted: conversation.campaignID = CampaignID.new(at: now)
        case .resubmitted: conversation.resubmissions += 1
        case nil: break
        }
        let saved = conversation
        try await store.write(source: Self.source, now: now) { db, outbox in
            switch turn.submission {
            case .submitted(let request):
                if let campaign = saved.campaignID { _ = outbox.emit(RequestSubmitted(campaignID: campaign, request: request)) }
            case .resubmitted(let request):
                if let campaign = saved.campaignID {
                    _ = outbox.emit(RequestResubmitted(campaignID: campaign, request: request, resubmission: saved.resubmissions))
                }
            case nil: break
            }
            try saved.save(user: user, id: id, in: db)
        }
        let reply = turn.submission == nil ? turn.reply : turn.reply + " (campaign \(saved.campaignID?.rawValue ?? "?"))"
        return AssistantAnswer(reply: reply, intent: "intake", question: turn.question, campaignID: saved.campaignID)
    }

    func assetCheck(_ file: String, on channel: Channel) -> AssistantAnswer {
        let format = file.split(separator: ".").last.map { $0.lowercased() == "jpeg" ? "jpg" : $0.lowercased() }
        guard let spec = rules.channelSpecs[channel] else {
            return AssistantAnswer(reply: "There is no asset spec for \(channel.rawValue).", intent: "asset_check")
        }
        guard let format = format.flatMap(AssetFormat.init(rawValue:)), spec.formats.contains(format) else {
            let accepted = spec.formats.map(\.rawValue).joined(separator: ", ")
            return AssistantAnswer(
                reply: "No: \(channel.rawValue) does not take \(file)'s format; it accepts \(accepted.isEmpty ? "no files" : accepted).",
                intent: "asset_check")
        }
        let sizes = spec.sizes.isEmpty ? "any size" : spec.sizes.map(\.description).joined(separator: ", ")
        return AssistantAnswer(
            reply: "\(file): \(format.rawValue) is accepted on \(channel.rawValue). It must be \(sizes)"
                + (spec.maxBytes.map { " and at most \($0 / 1000) KB" } ?? "")
                + "; QA's readiness check measures the delivered file against this spec.", intent: "asset_check")
    }
}
