import Domain
import Foundation
import Mustache

/// What the board and lists show of a campaign: a card with its SLA badge.
struct CampaignCard: Sendable {
    var id: String
    var title: String
    var type: String
    var stage: String
    var requester: String
    var specialist: String?
    var launchDate: String?
    var sla: String
    var slaLabel: String

    init(_ summary: CampaignSummary) {
        id = summary.id.rawValue
        title = summary.title
        type = summary.type.rawValue
        stage = summary.stage.label
        requester = summary.requester.rawValue
        specialist = summary.specialist?.rawValue
        launchDate = summary.launchDate?.iso
        sla = summary.slaStatus.rawValue
        slaLabel = summary.slaStatus.label
    }

    /// The card of a board row, its SLA badge at `now`.
    init(_ card: BoardQuery.Card, now: Date, calendar: BusinessCalendar) {
        let status = SLAStatus(due: card.slaDueAt, at: now, calendar: calendar)
        id = card.id
        title = card.title
        type = card.type
        stage = CampaignStage(rawValue: card.stage)?.label ?? card.stage
        requester = card.requester
        specialist = card.specialist
        launchDate = card.launchDate
        sla = status.rawValue
        slaLabel = status.label
    }
}

/// One option of a `<select>`.
struct SelectOption: Sendable {
    var value: String
    var label: String
    var selected: Bool
}

extension CampaignStage {
    /// The stage for people: `qa_requested` → "QA requested".
    var label: String {
        let words = rawValue.replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "qa", with: "QA")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}

extension SLAStatus {
    /// The badge's words.
    var label: String {
        switch self {
        case .onTime: "on time"
        case .dueSoon: "due soon"
        case .breached: "breached"
        case .none: "no SLA"
        }
    }
}

/// The board renders hundreds of cards: looked up by name here, not by reflection (Mustache's `Mirror` lookup
/// was nearly all of a 10,000-campaign board's time).
extension CampaignCard: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "title": title
        case "type": type
        case "stage": stage
        case "requester": requester
        case "specialist": specialist
        case "launchDate": launchDate
        case "sla": sla
        case "slaLabel": slaLabel
        default: nil
        }
    }
}
