import Domain
import Foundation

/// What a chat message asks the assistant to do.
public enum AssistantIntent: Sendable, Hashable {
    /// "status of Spring Sale"
    case status(campaign: String)
    /// "what is blocking Spring Sale"
    case blocking(campaign: String)
    /// "who approves Spring Sale"
    case approvers(campaign: String)
    /// "what's due this week"
    case dueThisWeek
    /// "give me the brief template for Spring Sale": the template's name in the requester's words and the
    /// campaign to fill it for, if any. The library resolves the name.
    case template(name: String, campaign: String?)
    /// "is hero.png ready for Instagram?"
    case assetCheck(file: String, channel: Channel)
    /// "draft the go-live announcement for Spring Sale"
    case draftAnnouncement(campaign: String)
    /// "find SOP escalation": full-text search of the library.
    case search(String)
    /// "approve Spring Sale": a decision the assistant never takes; approvers decide in the dashboard.
    case decision
    /// Anything else: part of a request intake conversation.
    case intake

    /// The intent's name in answers: `status`, `blocking`, `approvers`, `due_this_week`, `template`,
    /// `asset_check`, `announcement`, `search`, `decision`, `intake`.
    public var name: String {
        switch self {
        case .status: "status"
        case .blocking: "blocking"
        case .approvers: "approvers"
        case .dueThisWeek: "due_this_week"
        case .template: "template"
        case .assetCheck: "asset_check"
        case .draftAnnouncement: "announcement"
        case .search: "search"
        case .decision: "decision"
        case .intake: "intake"
        }
    }
}
