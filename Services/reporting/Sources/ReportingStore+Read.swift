import Contracts
import Domain
import Foundation
import GRDB
import Reporting

extension ReportingStore {
    /// Everything the reports read, in a stable order (by campaign, then key).
    public static func data(in db: Database) throws -> ReportingData {
        let tracks = try Data.fetchAll(db, sql: "SELECT track FROM rep_track ORDER BY campaign").map {
            try decode(CampaignTrack.self, from: $0)
        }
        let failures = try Row.fetchAll(db, sql: "SELECT * FROM rep_qa_failure ORDER BY campaign, rule, source, occurrence").map { row in
            QARuleFailure(
                campaign: CampaignID(rawValue: row["campaign"]), rule: row["rule"],
                source: QARuleFailure.Source(rawValue: row["source"]) ?? .automated,
                at: Date(timeIntervalSince1970: row["at"]), occurrence: row["occurrence"])
        }
        let escalations = try Row.fetchAll(db, sql: "SELECT * FROM rep_escalation ORDER BY key").compactMap { row in
            EscalationReason(rawValue: row["reason"]).map {
                EscalationRecord(
                    key: row["key"], campaign: CampaignID(rawValue: row["campaign"]), reason: $0,
                    raisedAt: Date(timeIntervalSince1970: row["raised_at"]))
            }
        }
        let warnings = try Data.fetchAll(db, sql: "SELECT payload FROM rep_warning ORDER BY key").map {
            try decode(ReportWarningRaised.self, from: $0)
        }
        let kpis = try Data.fetchAll(db, sql: "SELECT record FROM rep_kpi ORDER BY campaign, date, channel").map {
            try decode(KPIRecord.self, from: $0)
        }
        return ReportingData(tracks: tracks, qaFailures: failures, escalations: escalations, warnings: warnings, kpis: kpis)
    }

    /// The track of `campaign`, if known.
    public static func track(_ campaign: CampaignID, in db: Database) throws -> CampaignTrack? {
        try DatabaseLedger(db: db).track(campaign)
    }

    /// Stores imported KPI records; a record of the same campaign, day and channel replaces the earlier one.
    public static func save(_ records: [KPIRecord], in db: Database) throws {
        for record in records {
            try db.execute(
                sql: """
                    INSERT INTO rep_kpi (campaign, date, channel, record) VALUES (?, ?, ?, ?)
                    ON CONFLICT(campaign, date, channel) DO UPDATE SET record = excluded.record
                    """,
                arguments: [record.campaign.rawValue, record.date.iso, record.channel.rawValue, try encode(record)])
        }
    }

    /// The tracks of campaigns still on the line (not closed or cancelled), for the warning ticker.
    static func openTracks(in db: Database) throws -> [CampaignTrack] {
        try Data.fetchAll(db, sql: "SELECT track FROM rep_track ORDER BY campaign").map {
            try decode(CampaignTrack.self, from: $0)
        }.filter { !$0.campaign.stage.isTerminal }
    }
}
