import Assistant
import Domain

/// `POST /assistant` body: who is talking (the caller, e.g. the gateway, authenticated them and passes their
/// roles), which conversation, and what they said. Keys: `user`, `roles`, `conversation_id`, `text`.
public struct AssistantMessage: Sendable, Hashable, Codable {
    /// The signed-in user.
    public var user: UserID
    /// The user's roles; the assistant acts with exactly these.
    public var roles: [Role]
    /// The chat's id, chosen by the client.
    public var conversationID: String
    /// The message.
    public var text: String

    /// Creates a message.
    public init(user: UserID, roles: [Role], conversationID: String, text: String) {
        self.user = user
        self.roles = roles
        self.conversationID = conversationID
        self.text = text
    }

    private enum CodingKeys: String, CodingKey {
        case user
        case roles
        case conversationID = "conversation_id"
        case text
    }
}

/// The assistant's answer. Keys: `reply`, `intent`, `question` (intake only), `campaign_id` (when a request
/// was submitted or a campaign was meant).
public struct AssistantAnswer: Sendable, Hashable, Codable {
    /// The text for the chat.
    public var reply: String
    /// What the message was understood as (`intake`, `status`, `template`…).
    public var intent: String
    /// The intake question now open, if any.
    public var question: IntakeQuestion?
    /// The campaign concerned, if any.
    public var campaignID: CampaignID?

    /// Creates an answer.
    public init(reply: String, intent: String, question: IntakeQuestion? = nil, campaignID: CampaignID? = nil) {
        self.reply = reply
        self.intent = intent
        self.question = question
        self.campaignID = campaignID
    }

    private enum CodingKeys: String, CodingKey {
        case reply
        case intent
        case question
        case campaignID = "campaign_id"
    }
}
