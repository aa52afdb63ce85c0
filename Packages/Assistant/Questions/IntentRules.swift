import Domain
import Foundation

/// The deterministic intent rules: a message is a line question when it matches one of these phrasings,
/// otherwise it belongs to the request intake.
public enum IntentRules {
    /// The intent of `message`.
    public static func intent(of message: String) -> AssistantIntent {
        let text = String(message.prefix(2_000)).trimmingCharacters(in: .whitespacesAndNewlines)
        let campaign = "(.+?)\\s*\\??$"
        if let groups = TextPattern("\\bis\\s+([\\w.-]+\\.(?:png|jpe?g|gif|svg|mp4|html|pdf))\\s+(?:ready|ok|fine|good)\\s+for\\s+(.+?)\\s*\\??$")
            .firstMatch(in: text), let file = groups[0], let channel = ChannelParser.parse(groups[1] ?? "").first
        {
            return .assetCheck(file: file, channel: channel)
        }
        if let name = TextPattern("^(?:what(?:'s| is)\\s+the\\s+)?status\\s+(?:of|for)\\s+\(campaign)").firstMatch(in: text)?[0] {
            return .status(campaign: name)
        }
        if let name = TextPattern("^what(?:'s| is)\\s+(?:blocking|holding up|holding back)\\s+\(campaign)").firstMatch(in: text)?[0] {
            return .blocking(campaign: name)
        }
        if let name = TextPattern("^who\\s+(?:approves|signs off on|must approve|needs to approve)\\s+\(campaign)").firstMatch(in: text)?[0] {
            return .approvers(campaign: name)
        }
        if TextPattern("^what(?:'s| is)\\s+due\\s+(?:this|the)\\s+week").occurs(in: text) { return .dueThisWeek }
        if let name = TextPattern("^(?:draft|write)\\s+(?:a|the)\\s+go-?live\\s+announcement\\s+for\\s+\(campaign)")
            .firstMatch(in: text)?[0]
        {
            return .draftAnnouncement(campaign: name)
        }
        if let groups = TextPattern("^(?:give me|send me|show me|i need|get me)\\s+(?:the|a)\\s+(.+?)\\s+template(?:\\s+for\\s+\(campaign))?\\s*\\??$")
            .firstMatch(in: text), let name = groups[0]
        {
            return .template(name: name, campaign: groups[1])
        }
        if TextPattern("^(?:please\\s+)?(?:approve|reject|sign off|sign-off)\\b").occurs(in: text) { return .decision }
        if let query = TextPattern("^(?:find|search(?: for)?|look up)\\s+(.+?)\\s*\\??$").firstMatch(in: text)?[0] {
            return .search(query)
        }
        return .intake
    }
}
