import Foundation
import Contracts
import Domain

/// Renders a notice's title, body and dashboard link.
struct NoticeText: Sendable {
    /// The dashboard's base URL, without a trailing slash.
    let dashboardURL: String

    init(dashboardURL: String) {
        var base = dashboardURL
        while base.hasSuffix("/") { base.removeLast() }
        self.dashboardURL = base
    }

    /// The campaign's page on the dashboard.
    func link(_ campaign: CampaignID) -> String {
        "\(dashboardURL)/campaigns/\(campaign.rawValue.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? campaign.rawValue)"
    }

    func notice(_ kind: NotificationKind, campaign: CampaignID, title: String?, to person: Person, detail: String) -> Notice {
        let name = title.map { "\($0) (\(campaign))" } ?? campaign.rawValue
        let link = link(campaign)
        let summary = "\(Self.headline(kind)): \(name).\n\(detail)\n\nOpen: \(link)\n"
        return Notice(
            kind: kind, campaignID: campaign, recipient: person, title: "[Marquee] \(Self.headline(kind)): \(name)",
            summary: summary, body: "Hello \(person.name),\n\n" + summary, link: link)
    }

    static func headline(_ kind: NotificationKind) -> String {
        switch kind {
        case .assignment: "Assigned to you"
        case .reviewRequested: "Review requested"
        case .qaFailed: "QA failed"
        case .approvalNeeded: "Approval needed"
        case .slaDueSoon: "SLA due soon"
        case .slaBreached: "SLA breached"
        case .escalation: "Escalation"
        case .goLive: "Live now"
        }
    }
}
