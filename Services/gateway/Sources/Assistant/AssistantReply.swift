import Contracts

/// marquee-assistant's answer: `reply` (the text for the chat), `intent`, the intake `question` now open (passed
/// on as the assistant shaped it) and the `campaign_id` concerned, if any.
struct AssistantReply: Codable, Sendable, Equatable {
    var reply: String
    var intent: String
    var question: JSONValue?
    var campaignID: String?

    private enum CodingKeys: String, CodingKey {
        case reply, intent, question
        case campaignID = "campaign_id"
    }
}
