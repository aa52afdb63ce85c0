import Foundation

/// The assistant's answer to one message of the requester.
public struct IntakeTurn: Sendable, Hashable {
    /// The text shown in the chat.
    public var reply: String
    /// What the assistant asks next, if anything.
    public var question: IntakeQuestion?
    /// The request to publish, when this turn submits one.
    public var submission: IntakeSubmission?
    /// The slots this message filled or changed.
    public var filled: [IntakeSlot]

    /// Creates a turn.
    public init(reply: String, question: IntakeQuestion?, submission: IntakeSubmission? = nil, filled: [IntakeSlot] = []) {
        self.reply = reply
        self.question = question
        self.submission = submission
        self.filled = filled
    }
}
