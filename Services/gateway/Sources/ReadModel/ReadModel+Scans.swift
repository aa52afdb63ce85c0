import Contracts
import Domain
import Foundation
import GRDB

extension ReadModel {
    /// Every stored campaign in one of `stages` (all of them when nil), ordered by id.
    static func campaigns(stages: [CampaignStage]? = nil, in db: Database) throws -> [CampaignRow] {
        guard let stages else {
            return try Row.fetchAll(db, sql: "SELECT version, sla_due_at, campaign FROM gw_campaign ORDER BY id").map(CampaignRow.init)
        }
        let marks = Array(repeating: "?", count: stages.count).joined(separator: ", ")
        return try Row.fetchAll(
            db, sql: "SELECT version, sla_due_at, campaign FROM gw_campaign WHERE stage IN (\(marks)) ORDER BY id",
            arguments: StatementArguments(stages.map(\.rawValue))
        ).map(CampaignRow.init)
    }
}

extension ReadModel {
    /// The refused commands of `id` with the time each was refused, oldest first.
    static func timedRejections(of id: CampaignID, in db: Database) throws -> [(at: Date, rejection: CommandRejected)] {
        try Row.fetchAll(db, sql: "SELECT at, rejection FROM gw_rejection WHERE campaign = ? ORDER BY at, command_id", arguments: [id.rawValue])
            .map { (at: Date(timeIntervalSince1970: $0["at"]), rejection: try decode(CommandRejected.self, $0["rejection"])) }
    }
}
