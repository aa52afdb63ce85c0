import Contracts
import Domain
import Foundation
import GRDB

/// Reads of the gateway's read model (``GatewayStore``), inside the caller's transaction.
enum ReadModel {
    /// The stored campaign `id`, if known.
    static func row(_ id: CampaignID, in db: Database) throws -> CampaignRow? {
        try Row.fetchOne(
            db, sql: "SELECT version, sla_due_at, campaign FROM gw_campaign WHERE id = ?", arguments: [id.rawValue]
        ).map(CampaignRow.init)
    }

    /// One page of campaigns matching `filter`, ordered by id, after the cursor's id.
    static func page(_ filter: CampaignFilter, in db: Database) throws -> [CampaignRow] {
        var (clauses, arguments) = matching(filter)
        if let after = filter.after {
            clauses.append("id > ?")
            arguments.append(after)
        }
        let condition = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
        arguments.append(filter.limit)
        return try Row.fetchAll(
            db, sql: "SELECT version, sla_due_at, campaign FROM gw_campaign \(condition) ORDER BY id LIMIT ?",
            arguments: StatementArguments(arguments)
        ).map(CampaignRow.init)
    }

    /// The `gw_campaign` conditions (and their arguments) of `filter`'s stage, type and requester.
    static func matching(_ filter: CampaignFilter) -> (clauses: [String], arguments: [any DatabaseValueConvertible]) {
        var clauses: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        for (column, value) in [("stage", filter.stage?.rawValue), ("type", filter.type?.rawValue), ("requester", filter.requester)] {
            guard let value else { continue }
            clauses.append("\(column) = ?")
            arguments.append(value)
        }
        return (clauses, arguments)
    }

    /// The facts of `id`, oldest first.
    static func facts(of id: CampaignID, in db: Database) throws -> [CampaignFactRecorded] {
        try Data.fetchAll(db, sql: "SELECT fact FROM gw_fact WHERE campaign = ? ORDER BY version", arguments: [id.rawValue])
            .map { try decode(CampaignFactRecorded.self, $0) }
    }

    /// The refused commands of `id`, oldest first.
    static func rejections(of id: CampaignID, in db: Database) throws -> [CommandRejected] {
        try Data.fetchAll(db, sql: "SELECT rejection FROM gw_rejection WHERE campaign = ? ORDER BY at, command_id", arguments: [id.rawValue])
            .map { try decode(CommandRejected.self, $0) }
    }

    /// The automated QA reports of `id`, oldest first.
    static func qaReports(of id: CampaignID, in db: Database) throws -> [QAReportReady] {
        try Data.fetchAll(db, sql: "SELECT report FROM gw_qa_report WHERE campaign = ? ORDER BY position", arguments: [id.rawValue])
            .map { try decode(QAReportReady.self, $0) }
    }

    /// What the command (or request) with event id `command` led to so far: its rejection, or the facts it caused.
    static func outcome(of command: UUID, in db: Database) throws -> CommandOutcome {
        let key = command.uuidString.lowercased()
        if let data = try Data.fetchOne(db, sql: "SELECT rejection FROM gw_rejection WHERE command_id = ?", arguments: [key]) {
            return .rejected(try decode(CommandRejected.self, data))
        }
        let facts = try Data.fetchAll(
            db, sql: "SELECT fact FROM gw_fact WHERE caused_by = ? ORDER BY campaign, version", arguments: [key]
        ).map { try decode(CampaignFactRecorded.self, $0) }
        return facts.isEmpty ? .pending : .facts(facts)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ data: Data) throws -> T {
        try MarqueeJSON.decoder().decode(type, from: data)
    }
}

/// One stored campaign as lists read it.
struct CampaignRow: Sendable {
    var campaign: Campaign
    var version: Int
    var slaDueAt: Date?

    init(_ row: Row) throws {
        campaign = try ReadModel.decode(Campaign.self, row["campaign"])
        version = row["version"]
        slaDueAt = (row["sla_due_at"] as Double?).map(Date.init(timeIntervalSince1970:))
    }
}

/// What a command has led to, as far as the read model has seen.
enum CommandOutcome: Sendable, Equatable {
    case pending
    case facts([CampaignFactRecorded])
    case rejected(CommandRejected)
}
