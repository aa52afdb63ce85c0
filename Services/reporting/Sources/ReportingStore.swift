import Contracts
import Foundation
import GRDB
import Reporting
import ServiceKit
import StationKit

/// marquee-reporting's own tables, beside ServiceKit's inbox and outbox:
/// - `rep_track`: each campaign's ``Reporting/CampaignTrack`` as JSON, with the last folded version;
/// - `rep_qa_failure`: failing QA rules and checklist items, once per report or verdict;
/// - `rep_escalation`: escalations raised by the stations, by key;
/// - `rep_warning`: warnings raised by reporting, by key, with the id and payload they were published under;
/// - `rep_kpi`: imported KPIs, one row per campaign, day and channel (a new import of the same day replaces it).
public enum ReportingStore {
    /// Registers the migrations.
    public static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("reporting.v1") { db in
            try db.create(table: "rep_track", options: .withoutRowID) { t in
                t.primaryKey("campaign", .text)
                t.column("version", .integer).notNull()
                t.column("track", .blob).notNull()
            }
            try db.create(table: "rep_qa_failure", options: .withoutRowID) { t in
                t.column("campaign", .text).notNull()
                t.column("rule", .text).notNull()
                t.column("source", .text).notNull()
                t.column("occurrence", .text).notNull()
                t.column("at", .double).notNull()
                t.primaryKey(["campaign", "rule", "source", "occurrence"])
            }
            try db.create(table: "rep_escalation", options: .withoutRowID) { t in
                t.primaryKey("key", .text)
                t.column("campaign", .text).notNull()
                t.column("reason", .text).notNull()
                t.column("raised_at", .double).notNull()
            }
            try db.create(table: "rep_warning", options: .withoutRowID) { t in
                t.primaryKey("key", .text)
                t.column("campaign", .text).notNull()
                t.column("detected_at", .double).notNull()
                t.column("event_id", .text).notNull()
                t.column("payload", .blob).notNull()
            }
            try db.create(table: "rep_kpi", options: .withoutRowID) { t in
                t.column("campaign", .text).notNull()
                t.column("date", .text).notNull()
                t.column("channel", .text).notNull()
                t.column("record", .blob).notNull()
                t.primaryKey(["campaign", "date", "channel"])
            }
        }
    }

    /// The id a warning is published under: derived from its key, so a rebuild publishes the same id.
    public static func eventID(ofWarning key: String) -> UUID { DerivedEventID.named("warning/\(key)") }

    static func encode(_ value: some Encodable) throws -> Data { try MarqueeJSON.encode(value) }

    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try MarqueeJSON.decoder().decode(type, from: data)
    }
}
