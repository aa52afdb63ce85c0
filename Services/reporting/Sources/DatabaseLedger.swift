import Contracts
import Domain
import Foundation
import GRDB
import Reporting

/// The ``Reporting/ReportingLedger`` over marquee-reporting's tables, inside the caller's transaction.
struct DatabaseLedger: ReportingLedger {
    let db: Database

    func track(_ campaign: CampaignID) throws -> CampaignTrack? {
        guard let data = try Data.fetchOne(db, sql: "SELECT track FROM rep_track WHERE campaign = ?", arguments: [campaign.rawValue])
        else { return nil }
        return try ReportingStore.decode(CampaignTrack.self, from: data)
    }

    func save(_ track: CampaignTrack) throws {
        try db.execute(
            sql: """
                INSERT INTO rep_track (campaign, version, track) VALUES (?, ?, ?)
                ON CONFLICT(campaign) DO UPDATE SET version = excluded.version, track = excluded.track
                """,
            arguments: [track.id.rawValue, track.version, try ReportingStore.encode(track)])
    }

    func record(_ failure: QARuleFailure) throws {
        try db.execute(
            sql: "INSERT INTO rep_qa_failure (campaign, rule, source, occurrence, at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            arguments: [failure.campaign.rawValue, failure.rule, failure.source.rawValue, failure.occurrence,
                        failure.at.timeIntervalSince1970])
    }

    func record(_ escalation: EscalationRecord) throws {
        try db.execute(
            sql: "INSERT INTO rep_escalation (key, campaign, reason, raised_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
            arguments: [escalation.key, escalation.campaign.rawValue, escalation.reason.rawValue,
                        escalation.raisedAt.timeIntervalSince1970])
    }

    func record(_ warning: ReportWarningRaised) throws -> Bool {
        try db.execute(
            sql: """
                INSERT INTO rep_warning (key, campaign, detected_at, event_id, payload) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                """,
            arguments: [warning.key, warning.campaignID.rawValue, warning.detectedAt.timeIntervalSince1970,
                        ReportingStore.eventID(ofWarning: warning.key).uuidString, try ReportingStore.encode(warning)])
        return db.changesCount > 0
    }
}
