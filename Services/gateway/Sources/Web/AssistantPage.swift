import Foundation
import Hummingbird

/// `/assistant`: the chat with marquee-assistant — the user's default conversation (its last 50 exchanges, oldest
/// first, the latest marked `#latest`) and a message form. Posting it (`POST /assistant`) runs ``AssistantChat`` as
/// `POST /api/assistant` does and redirects back to the latest exchange (303); a refusal or failure re-renders the
/// page with the problem, the status the API would answer, and the text kept. With JavaScript, live.js posts through
/// the API instead and appends the exchange without a reload.
extension DashboardRoutes {
    struct ChatView {
        struct Turn {
            var at: String
            var text: String
            var reply: String
            var campaignID: String?
            var latest: Bool
        }

        var turns: [Turn]
        var configured: Bool
        var draft: String
        var problem: String?
        var csrf: String
        var maxLength: Int
    }

    func assistantPage(_ actor: Actor) async throws -> Response {
        try await chatPage(actor)
    }

    func sendChatMessage(_ request: Request, _ actor: Actor) async throws -> Response {
        let form = try await WebForm.read(request)
        let actor = try await auth.writer(of: request, formToken: form["_csrf"] ?? "")
        let text = form["text"] ?? ""
        do {
            _ = try await chat.ask(text, conversation: nil, as: actor)
        } catch {
            return try await chatPage(actor, draft: text, problem: error)
        }
        return Self.redirect("/assistant#latest")
    }

    private func chatPage(_ actor: Actor, draft: String = "", problem: GatewayProblem? = nil) async throws -> Response {
        let exchanges = try await chat.log(of: actor.user.id)
        let turns = exchanges.enumerated().map { index, exchange in
            ChatView.Turn(
                at: CampaignView.time(exchange.at), text: exchange.text, reply: exchange.reply, campaignID: exchange.campaignID,
                latest: index == exchanges.count - 1)
        }
        let view = ChatView(
            turns: turns, configured: chat.client != nil, draft: draft, problem: problem.map { "\($0.title): \($0.detail)" },
            csrf: actor.csrf ?? "", maxLength: AssistantChat.maxTextCharacters)
        return renderer.page(
            "assistant", view, chrome: PageChrome(title: "Assistant", path: "/assistant", actor: actor, live: "chat"),
            status: problem?.status ?? .ok)
    }
}
