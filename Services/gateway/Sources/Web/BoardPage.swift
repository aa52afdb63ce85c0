import Domain
import Foundation
import GRDB
import Hummingbird
import Logging
import ServiceKit

/// `/`: the campaign board, one column per stage in line order (closed and cancelled only when they hold a
/// campaign), each card with its SLA badge; filtered by `type` and `requester`. The columns are the page's live
/// part: they are re-fetched when a campaign changes.
extension DashboardRoutes {
    struct BoardView {
        struct Column {
            var stage: String
            var label: String
            var count: Int
            var cards: [CampaignCard]
        }

        var columns: [Column]
        var types: [SelectOption]
        var requesters: [SelectOption]
        var total: Int
    }

    func board(_ request: Request, _ actor: Actor) async throws -> Response {
        var query = CampaignFilter.query(of: request).filter {
            ["type", "requester"].contains($0.key) && !$0.value.isEmpty
        }
        query["limit"] = "\(CampaignFilter.maxLimit)"
        let filter = try CampaignFilter(query: query)
        let summaries = try await summaries(matching: filter)
        let byStage = Dictionary(grouping: summaries, by: \.stage)
        let columns = CampaignStage.allCases.compactMap { stage -> BoardView.Column? in
            let cards = (byStage[stage] ?? []).map(CampaignCard.init)
            if stage.isTerminal && cards.isEmpty { return nil }
            return BoardView.Column(stage: stage.rawValue, label: stage.label, count: cards.count, cards: cards)
        }
        let view = BoardView(
            columns: columns,
            types: CampaignType.allCases.map {
                SelectOption(value: $0.rawValue, label: $0.rawValue, selected: $0 == filter.type)
            },
            requesters: rules.people.filter { $0.roles.contains(.requester) }.map {
                SelectOption(value: $0.id.rawValue, label: $0.name, selected: $0.id.rawValue == filter.requester)
            },
            total: summaries.count)
        return renderer.page(
            "board", view, chrome: PageChrome(title: "Board", path: "/", actor: actor, live: "campaigns"))
    }

    /// Every campaign matching `filter`, page after page, as summaries at the clock's now.
    func summaries(matching filter: CampaignFilter) async throws -> [CampaignSummary] {
        let now = clock.now()
        return try await rows(matching: filter).map { CampaignSummary($0, now: now, calendar: rules.calendar) }
    }

    /// Every stored campaign matching `filter`, page after page.
    func rows(matching filter: CampaignFilter) async throws -> [CampaignRow] {
        try await store.pool.read { db in
            var filter = filter
            var rows: [CampaignRow] = []
            while true {
                let page = try ReadModel.page(filter, in: db)
                rows += page
                guard page.count == filter.limit, let last = page.last else { break }
                filter.after = last.campaign.id.rawValue
            }
            return rows
        }
    }
}
