import Domain
import Foundation
import GRDB

/// The board's read: each stage's campaign count and its most urgent cards (earliest SLA due time first, then
/// id), from `gw_campaign`'s plain columns — no campaign is decoded, so the board costs the same with 10,000
/// campaigns as with 100 cards on screen.
enum BoardQuery {
    /// One card's columns.
    struct Card: Sendable {
        var id: String
        var title: String
        var type: String
        var stage: String
        var requester: String
        var specialist: String?
        var launchDate: String?
        var slaDueAt: Date?
    }

    /// At most `perStage` cards of each stage among the campaigns matching `filter` (its stage, type and
    /// requester; not its limit or cursor), and how many campaigns each stage holds.
    static func cards(_ filter: CampaignFilter, perStage: Int, in db: Database) throws -> (cards: [Card], counts: [String: Int]) {
        let (clauses, arguments) = ReadModel.matching(filter)
        let condition = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
        let counts = try Row.fetchAll(
            db, sql: "SELECT stage, COUNT(*) AS n FROM gw_campaign \(condition) GROUP BY stage", arguments: StatementArguments(arguments)
        ).reduce(into: [String: Int]()) { $0[$1["stage"]] = $1["n"] }
        let cards = try Row.fetchAll(
            db,
            sql: """
                SELECT id, title, type, stage, requester, specialist, launch_date, sla_due_at FROM (
                  SELECT id, title, type, stage, requester, specialist, launch_date, sla_due_at,
                         ROW_NUMBER() OVER (PARTITION BY stage ORDER BY sla_due_at IS NULL, sla_due_at, id) AS rank
                  FROM gw_campaign \(condition))
                WHERE rank <= ? ORDER BY stage, rank
                """,
            arguments: StatementArguments(arguments + [perStage])
        ).map { row in
            Card(
                id: row["id"], title: row["title"], type: row["type"], stage: row["stage"], requester: row["requester"],
                specialist: row["specialist"], launchDate: row["launch_date"],
                slaDueAt: (row["sla_due_at"] as Double?).map(Date.init(timeIntervalSince1970:)))
        }
        return (cards, counts)
    }
}
