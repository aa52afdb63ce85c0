import Domain
import Foundation
import GRDB
import Hummingbird
import Logging
import ServiceKit

/// `/calendar?month=YYYY-MM`: a month grid (weeks from Monday) of the campaigns launching each day, with links to
/// the months around it and to the iCalendar feed. Without `month`, the clock's current month (UTC).
extension DashboardRoutes {
    struct CalendarView {
        struct Launch {
            var id: String
            var title: String
            var stage: String
        }

        struct Cell {
            var day: Int
            var iso: String
            var inMonth: Bool
            var today: Bool
            var launches: [Launch]
        }

        struct Week {
            var cells: [Cell]
        }

        var month: String
        var previous: String
        var next: String
        var weeks: [Week]
    }

    func calendarPage(_ request: Request, _ actor: Actor) async throws -> Response {
        let today = Day(containing: clock.now(), in: TimeZone(identifier: "UTC") ?? .current)
        var (year, month) = (today.year, today.month)
        if let text = request.uri.queryParameters["month"] {
            let parts = text.split(separator: "-")
            guard parts.count == 2, let y = Int(parts[0]), let m = Int(parts[1]), (1...9999).contains(y),
                (1...12).contains(m)
            else {
                throw GatewayProblem.badRequest("month must be YYYY-MM, e.g. 2026-12")
            }
            (year, month) = (y, m)
        }
        let first = Day(year: year, month: month, day: 1)
        var days: [Day] = []
        var day = Day(year: year, month: month, day: 1)
        for _ in 0..<((first.gregorianWeekday + 5) % 7) {  // back to Monday
            days.insert(Self.day(before: days.first ?? first), at: 0)
        }
        while day.month == month {
            days.append(day)
            day = day.next
        }
        while days.count % 7 != 0 {
            days.append(day)
            day = day.next
        }
        let rows = try await rows(matching: try CampaignFilter(query: ["limit": "\(CampaignFilter.maxLimit)"]))
        let launches = Dictionary(
            grouping: rows.compactMap { row -> (Day, CalendarView.Launch)? in
                guard let launch = row.campaign.request.brief.launchDate, row.campaign.stage != .cancelled else {
                    return nil
                }
                return (
                    launch,
                    CalendarView.Launch(
                        id: row.campaign.id.rawValue, title: row.campaign.request.title, stage: row.campaign.stage.label
                    )
                )
            }, by: \.0
        ).mapValues { $0.map(\.1) }
        let cells = days.map {
            CalendarView.Cell(
                day: $0.day, iso: $0.iso, inMonth: $0.month == month, today: $0 == today, launches: launches[$0] ?? [])
        }
        let view = CalendarView(
            month: String(format: "%04d-%02d", year, month),
            previous: month == 1 ? String(format: "%04d-12", year - 1) : String(format: "%04d-%02d", year, month - 1),
            next: month == 12 ? String(format: "%04d-01", year + 1) : String(format: "%04d-%02d", year, month + 1),
            weeks: stride(from: 0, to: cells.count, by: 7).map { CalendarView.Week(cells: Array(cells[$0..<$0 + 7])) })
        return renderer.page(
            "calendar", view, chrome: PageChrome(title: "Calendar", path: "/calendar", actor: actor, live: "campaigns"))
    }

    private static func day(before day: Day) -> Day {
        if day.day > 1 { return Day(year: day.year, month: day.month, day: day.day - 1) }
        let (year, month) = day.month == 1 ? (day.year - 1, 12) : (day.year, day.month - 1)
        var last = Day(year: year, month: month, day: 28)
        while last.next.month == month { last = last.next }
        return last
    }
}
