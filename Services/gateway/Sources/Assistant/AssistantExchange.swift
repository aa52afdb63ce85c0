import Contracts
import Foundation

/// One turn of a chat with the assistant as the gateway keeps and answers it: the conversation, when, what the
/// user said and what the assistant answered (``AssistantReply``'s fields).
struct AssistantExchange: Codable, Sendable, Equatable {
    var conversationID: String
    var at: Date
    var text: String
    var reply: String
    var intent: String
    var question: JSONValue?
    var campaignID: String?

    private enum CodingKeys: String, CodingKey {
        case at, text, reply, intent, question
        case conversationID = "conversation_id"
        case campaignID = "campaign_id"
    }
}
