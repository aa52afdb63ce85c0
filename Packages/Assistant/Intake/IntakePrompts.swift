import Domain
import Foundation

/// The assistant's words in the intake conversation.
enum IntakePrompts {
    static func prompt(for slot: IntakeSlot) -> String {
        switch slot {
        case .type: "What kind of campaign is it: product launch, event, seasonal or other?"
        case .field(let field):
            switch field {
            case .title: "What should the campaign be called?"
            case .objective: "What is the objective: awareness, conversion or retention?"
            case .goal: "What should the campaign achieve?"
            case .audience: "Who is the audience?"
            case .keyMessage: "What is the key message?"
            case .channels: "Which channels should it run on (email, web, social, Instagram, LinkedIn, paid, SMS)?"
            case .budget: "What is the budget?"
            case .launchDate: "When should it launch?"
            case .outline: "Please give a short outline of the content."
            case .assetNeeds: "Which assets do you need? For example: Instagram 1080x1080 png, email 600x300 jpg."
            case .timeline: "What are the milestones before launch? For example: venue booked by April 2; agenda final by April 20."
            case .swot: "Please add a SWOT, e.g. strengths: …; weaknesses: …; opportunities: …; threats: …"
            }
        }
    }

    static func name(_ slot: IntakeSlot) -> String { slot.description.replacingOccurrences(of: "_", with: " ") }

    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]

    /// "March 3, 2026".
    static func spoken(_ day: Day) -> String { "\(monthNames[day.month - 1]) \(day.day), \(day.year)" }

    static func monthMentioned(_ month: Int, in lower: String) -> Bool {
        let name = monthNames[month - 1].lowercased()
        return TextPattern("\\b(\(name)|\(name.prefix(3)))\\b").occurs(in: lower)
    }

    /// "Got it: launch date March 3, 2026; budget 12,000.00 EUR. "
    static func acknowledgement(_ filled: [IntakeSlot], in draft: CampaignRequest) -> String {
        guard !filled.isEmpty else { return "" }
        return "Got it: " + filled.map { "\(name($0)) \(value(of: $0, in: draft))" }.joined(separator: "; ") + ". "
    }

    static func value(of slot: IntakeSlot, in draft: CampaignRequest) -> String {
        guard case .field(let field) = slot else { return draft.type.rawValue.replacingOccurrences(of: "_", with: " ") }
        switch field {
        case .title: return draft.title
        case .objective: return draft.objective?.rawValue ?? "–"
        case .goal: return draft.brief.goal ?? "–"
        case .audience: return draft.brief.audience ?? "–"
        case .keyMessage: return draft.brief.keyMessage ?? "–"
        case .channels: return draft.brief.channels.map(\.rawValue).joined(separator: ", ")
        case .budget: return draft.brief.budget?.spoken ?? "–"
        case .launchDate: return draft.brief.launchDate.map(spoken) ?? "–"
        case .outline: return draft.outline ?? "–"
        case .assetNeeds: return draft.assetNeeds.map { "\($0.channel.rawValue) \($0.size) \($0.format.rawValue)" }.joined(separator: ", ")
        case .timeline: return draft.timeline.map { "\($0.name) by \(spoken($0.due))" }.joined(separator: ", ")
        case .swot: return "noted"
        }
    }

    /// One line per provided item of the request.
    static func summary(of draft: CampaignRequest) -> String {
        ([IntakeSlot.type] + MVPField.allCases.filter(draft.provides).map(IntakeSlot.field))
            .map { "- \(name($0)): \(value(of: $0, in: draft))" }.joined(separator: "\n")
    }
}
