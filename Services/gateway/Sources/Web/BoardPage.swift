import Domain
import Foundation
import GRDB
import Hummingbird
import Logging
import Mustache
import ServiceKit

/// `/`: the campaign board, one column per stage in line order (closed and cancelled only when they hold a
/// campaign), each with its count and its ``cardsPerColumn`` most urgent cards (SLA badge; earliest due first)
/// and a link to the whole column (`?stage=`, up to ``cardsInOneColumn``); filtered by `type` and `requester`.
/// The columns are the page's live part: they are re-fetched when a campaign changes.
extension DashboardRoutes {
    /// Cards shown per column on the whole board.
    static let cardsPerColumn = 50
    /// Cards shown when the board shows one stage.
    static let cardsInOneColumn = 1000

    struct BoardView {
        struct Column {
            var stage: String
            var label: String
            var count: Int
            var cards: [CampaignCard]
            /// The link to the whole column, when it holds more than is shown.
            var more: More?
        }

        struct More {
            var href: String
            var hidden: Int
        }

        var columns: [Column]
        /// The one stage shown, when the board shows one column.
        var onlyStage: String?
        var types: [SelectOption]
        var requesters: [SelectOption]
        var total: Int
    }

    func board(_ request: Request, _ actor: Actor) async throws -> Response {
        let query = CampaignFilter.query(of: request).filter {
            ["type", "requester", "stage"].contains($0.key) && !$0.value.isEmpty
        }
        let filter = try CampaignFilter(query: query)
        let perStage = filter.stage == nil ? Self.cardsPerColumn : Self.cardsInOneColumn
        let (rows, counts) = try await store.pool.read { db in try BoardQuery.cards(filter, perStage: perStage, in: db) }
        let (now, calendar) = (clock.now(), rules.calendar)
        let byStage = Dictionary(grouping: rows, by: \.stage)
        let columns = CampaignStage.allCases.compactMap { stage -> BoardView.Column? in
            if let only = filter.stage, only != stage { return nil }
            let cards = (byStage[stage.rawValue] ?? []).map { CampaignCard($0, now: now, calendar: calendar) }
            let count = counts[stage.rawValue] ?? 0
            if stage.isTerminal && count == 0 && filter.stage == nil { return nil }
            var link = query
            link["stage"] = stage.rawValue
            let href = "/?" + link.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.percentEncoded($0.value))" }.joined(separator: "&")
            let more = count > cards.count && filter.stage == nil ? BoardView.More(href: href, hidden: count - cards.count) : nil
            return BoardView.Column(stage: stage.rawValue, label: stage.label, count: count, cards: cards, more: more)
        }
        let view = BoardView(
            columns: columns,
            onlyStage: filter.stage?.rawValue,
            types: CampaignType.allCases.map {
                SelectOption(value: $0.rawValue, label: $0.rawValue, selected: $0 == filter.type)
            },
            requesters: rules.people.filter { $0.roles.contains(.requester) }.map {
                SelectOption(value: $0.id.rawValue, label: $0.name, selected: $0.id.rawValue == filter.requester)
            },
            total: counts.values.reduce(0, +))
        return renderer.page(
            "board", view, chrome: PageChrome(title: "Board", path: "/", actor: actor, live: "campaigns"))
    }

    /// `text` as a query value.
    static func percentEncoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? ""
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

extension DashboardRoutes.BoardView.Column: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "stage": stage
        case "label": label
        case "count": count
        case "cards": cards
        case "more": more
        default: nil
        }
    }
}

extension DashboardRoutes.BoardView.More: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "href": href
        case "hidden": hidden
        default: nil
        }
    }
}
