import Domain

/// What the gateway sends to marquee-assistant's `POST /assistant`: the signed-in user, their roles from the
/// gateway's user directory (never from the client), the conversation and the text. Keys: `user`, `roles`,
/// `conversation_id`, `text`.
struct AssistantMessage: Codable, Sendable, Equatable {
    var user: UserID
    var roles: [Role]
    var conversationID: String
    var text: String

    private enum CodingKeys: String, CodingKey {
        case user, roles, text
        case conversationID = "conversation_id"
    }
}
