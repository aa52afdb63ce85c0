import Domain
import Foundation
import GRDB
import Logging
import ServiceKit

/// A signed-in user's turn with marquee-assistant, shared by `POST /api/assistant` and the dashboard's chat page:
/// checks the text and conversation id, asks the assistant as the user with the roles the gateway's user directory
/// gives them, and keeps the answered exchange in the chat log (``ChatLog``) with an audit row. Every failure is a
/// ``GatewayProblem``: 400 for bad input, 503 without an assistant, 502/504 when it fails.
struct AssistantChat: Sendable {
    /// nil: `--assistant-url` was not given.
    let client: AssistantClient?
    let store: ServiceStore
    let clock: WallClock
    let logger: Logger

    /// The longest message accepted, in characters.
    static let maxTextCharacters = 4000
    /// The longest conversation id accepted.
    static let maxConversationCharacters = 64
    /// What a conversation id is made of.
    static let conversationCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:")

    /// The conversation a user's messages go to when they name none (the dashboard's chat).
    static func defaultConversation(of user: UserID) -> String { "web-\(user.rawValue)" }

    /// What is wrong with `text` and `conversation`, as field errors of the API's body.
    static func problems(text: String, conversation: String?) -> [GatewayProblem.FieldError] {
        var errors: [GatewayProblem.FieldError] = []
        if text.allSatisfy(\.isWhitespace) {
            errors.append(.init(pointer: "#/text", detail: "is required"))
        } else if text.count > maxTextCharacters {
            errors.append(.init(pointer: "#/text", detail: "at most \(maxTextCharacters) characters"))
        }
        if let conversation,
            conversation.isEmpty || conversation.count > maxConversationCharacters
                || !conversation.allSatisfy(conversationCharacters.contains)
        {
            errors.append(
                .init(
                    pointer: "#/conversation_id",
                    detail: "1 to \(maxConversationCharacters) letters, digits, '-', '_', '.' or ':'"))
        }
        return errors
    }

    /// Asks the assistant `text` in `conversation` (the user's default when nil) as `actor`.
    func ask(_ text: String, conversation: String?, as actor: Actor) async throws(GatewayProblem) -> AssistantExchange {
        let errors = Self.problems(text: text, conversation: conversation)
        guard errors.isEmpty else { throw .badRequest("the message cannot be sent", errors: errors) }
        let conversation = conversation ?? Self.defaultConversation(of: actor.user.id)
        let user = actor.user
        let reply: AssistantReply
        do throws(AssistantFailure) {
            guard let client else { throw .notConfigured }
            reply = try await client.ask(
                AssistantMessage(user: user.id, roles: user.roles, conversationID: conversation, text: text))
        } catch {
            logger.warning(
                "assistant gave no answer",
                metadata: ["user": "\(user.id)", "conversation": "\(conversation)", LogKey.error: "\(error)"])
            await audit(user, conversation: conversation, outcome: "failed:\(error.problem.statusCode)")
            throw error.problem
        }
        let exchange = AssistantExchange(
            conversationID: conversation, at: clock.now(), text: text, reply: reply.reply, intent: reply.intent,
            question: reply.question, campaignID: reply.campaignID)
        do {
            try await store.pool.write { db in
                try ChatLog.append(exchange, by: user.id, in: db)
                try AuditLog.record(
                    .init(at: exchange.at, user: user.id, action: "assistant.message", target: conversation, outcome: "answered"),
                    in: db)
            }
        } catch {
            logger.error("chat log not written", metadata: ["user": "\(user.id)", LogKey.error: "\(error)"])
            throw .internalError()
        }
        return exchange
    }

    /// The last `limit` exchanges of `user` in their default conversation, oldest first.
    func log(of user: UserID, limit: Int = 50) async throws -> [AssistantExchange] {
        let conversation = Self.defaultConversation(of: user)
        return try await store.pool.read { db in try ChatLog.recent(of: user, conversation: conversation, limit: limit, in: db) }
    }

    private func audit(_ user: GatewayUser, conversation: String, outcome: String) async {
        let now = clock.now()
        do {
            try await store.pool.write { db in
                try AuditLog.record(
                    .init(at: now, user: user.id, action: "assistant.message", target: conversation, outcome: outcome), in: db)
            }
        } catch {
            logger.error("audit row not written", metadata: ["user": "\(user.id)", LogKey.error: "\(error)"])
        }
    }
}
