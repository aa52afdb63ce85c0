import Domain
import Foundation

/// Finds the intent of a message: the deterministic rules first; when they see no line question and a
/// language model is configured, the model classifies the free text. A model that fails, times out or
/// answers something unusable leaves the deterministic answer in place.
public struct IntentInterpreter: Sendable {
    /// The optional model.
    public var model: (any LanguageModel)?

    /// Creates an interpreter; `nil` runs the deterministic rules alone.
    public init(model: (any LanguageModel)?) { self.model = model }

    /// Where an interpretation came from.
    public enum Source: Sendable, Hashable {
        /// The intent rules.
        case rules
        /// The language model.
        case model
        /// The model failed; the rules answered.
        case fallback
    }

    static let system = """
        You route messages of a marketing campaign assistant. Reply with one JSON object and nothing else:
        {"intent": "status" | "blocking" | "approvers" | "due_this_week" | "template" | "announcement" | "intake",
         "campaign": "<campaign name or null>", "template": "<template name or null>"}
        """

    /// The intent of `message` and where it came from.
    public func intent(of message: String) async -> (AssistantIntent, Source) {
        let ruled = IntentRules.intent(of: message)
        guard ruled == .intake, let model else { return (ruled, .rules) }
        guard let reply = try? await model.complete(system: Self.system, user: message),
            let intent = Self.decode(reply)
        else { return (ruled, .fallback) }
        return (intent, .model)
    }

    private struct Routed: Decodable {
        var intent: String
        var campaign: String?
        var template: String?
    }

    /// The intent in a model reply; tolerates text around the JSON object.
    static func decode(_ reply: String) -> AssistantIntent? {
        guard let start = reply.firstIndex(of: "{"), let end = reply.lastIndex(of: "}"), start < end,
            let routed = try? JSONDecoder().decode(Routed.self, from: Data(reply[start...end].utf8))
        else { return nil }
        let campaign = routed.campaign.flatMap { $0.isEmpty || $0 == "null" ? nil : $0 }
        switch routed.intent {
        case "status": return campaign.map { .status(campaign: $0) }
        case "blocking": return campaign.map { .blocking(campaign: $0) }
        case "approvers": return campaign.map { .approvers(campaign: $0) }
        case "due_this_week": return .dueThisWeek
        case "template": return routed.template.map { .template(name: $0, campaign: campaign) }
        case "announcement": return campaign.map { .draftAnnouncement(campaign: $0) }
        case "intake": return .intake
        default: return nil
        }
    }
}
