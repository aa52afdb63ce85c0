import GRDB

/// marquee-gateway's own tables, beside ServiceKit's inbox and outbox.
///
/// Read model (folded from the bus by ``ReadModelHandler``):
/// - `gw_campaign`: per campaign the folded `Campaign` (JSON), its last folded version, the columns the list
///   filters on, the earliest open SLA due time, and `updated_seq` (the bus seq of the last event about it);
/// - `gw_fact`: every fact folded, one row per (campaign, version), with the id of the command that caused it;
/// - `gw_rejection`: every `campaign.command.rejected`, by the refused command's id;
/// - `gw_qa_report`: every automated QA report (`qa.report.ready`), in bus order.
///
/// People and access: `gw_user` (bcrypt hashes), `gw_session` and `gw_token` (SHA-256 of the secret only),
/// and `gw_audit`, one row per state-changing action.
///
/// `gateway.v2`: `gw_blob` (uploaded document bytes by content hash, with their media type), `gw_user.disabled`
/// and `gw_token.scope` (`api`, or `calendar` for a feed token that only reads `/calendar.ics`).
///
/// `gateway.v3`: `gw_chat`, each user's answered exchanges with the assistant (``ChatLog``).
///
/// `gateway.v4`: `gw_inbox`, each user's notifications (`notification.inbox`) by event id, with the bus seq they
/// arrived at and when they were read (``Inbox``).
public enum GatewayStore {
    /// Registers the migrations.
    public static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("gateway.v1") { db in
            try db.create(table: "gw_campaign", options: .withoutRowID) { t in
                t.primaryKey("id", .text)
                t.column("version", .integer).notNull()
                t.column("stage", .text).notNull()
                t.column("type", .text).notNull()
                t.column("title", .text).notNull()
                t.column("requester", .text).notNull()
                t.column("specialist", .text)
                t.column("sla_due_at", .double)
                t.column("launch_date", .text)
                t.column("updated_seq", .integer).notNull()
                t.column("campaign", .blob).notNull()
            }
            try db.create(index: "gw_campaign_stage", on: "gw_campaign", columns: ["stage"])
            try db.create(table: "gw_fact", options: .withoutRowID) { t in
                t.column("campaign", .text).notNull()
                t.column("version", .integer).notNull()
                t.column("type", .text).notNull()
                t.column("stage", .text).notNull()
                t.column("occurred_at", .double).notNull()
                t.column("event_id", .text).notNull()
                t.column("caused_by", .text)
                t.column("fact", .blob).notNull()
                t.primaryKey(["campaign", "version"])
            }
            try db.create(index: "gw_fact_cause", on: "gw_fact", columns: ["caused_by"])
            try db.create(table: "gw_rejection", options: .withoutRowID) { t in
                t.primaryKey("command_id", .text)
                t.column("campaign", .text).notNull()
                t.column("at", .double).notNull()
                t.column("rejection", .blob).notNull()
            }
            try db.create(index: "gw_rejection_campaign", on: "gw_rejection", columns: ["campaign"])
            try db.create(table: "gw_qa_report") { t in
                t.autoIncrementedPrimaryKey("position")
                t.column("campaign", .text).notNull().indexed()
                t.column("report", .blob).notNull()
            }
            try db.create(table: "gw_user", options: .withoutRowID) { t in
                t.primaryKey("id", .text)
                t.column("name", .text).notNull()
                t.column("roles", .text).notNull()
                t.column("password_hash", .text).notNull()
            }
            try db.create(table: "gw_session", options: .withoutRowID) { t in
                t.primaryKey("secret_hash", .text)
                t.column("user", .text).notNull().references("gw_user")
                t.column("csrf", .text).notNull()
                t.column("expires_at", .double).notNull()
            }
            try db.create(table: "gw_token", options: .withoutRowID) { t in
                t.primaryKey("secret_hash", .text)
                t.column("user", .text).notNull().references("gw_user")
                t.column("name", .text).notNull()
                t.column("created_at", .double).notNull()
            }
            try db.create(table: "gw_audit") { t in
                t.autoIncrementedPrimaryKey("position")
                t.column("at", .double).notNull()
                t.column("user", .text).notNull()
                t.column("action", .text).notNull()
                t.column("target", .text)
                t.column("event_id", .text)
                t.column("outcome", .text).notNull()
            }
        }
        migrator.registerMigration("gateway.v2") { db in
            try db.create(table: "gw_blob", options: .withoutRowID) { t in
                t.primaryKey("content_hash", .text)
                t.column("media_type", .text).notNull()
                t.column("size", .integer).notNull()
                t.column("content", .blob).notNull()
            }
            try db.alter(table: "gw_user") { t in t.add(column: "disabled", .boolean).notNull().defaults(to: false) }
            try db.alter(table: "gw_token") { t in t.add(column: "scope", .text).notNull().defaults(to: "api") }
        }
        migrator.registerMigration("gateway.v3") { db in
            try db.create(table: "gw_chat") { t in
                t.autoIncrementedPrimaryKey("position")
                t.column("user", .text).notNull()
                t.column("conversation", .text).notNull()
                t.column("at", .double).notNull()
                t.column("text", .text).notNull()
                t.column("reply", .text).notNull()
                t.column("intent", .text).notNull()
                t.column("question", .blob)
                t.column("campaign", .text)
            }
            try db.create(index: "gw_chat_conversation", on: "gw_chat", columns: ["user", "conversation", "position"])
        }
        migrator.registerMigration("gateway.v4") { db in
            try db.create(table: "gw_inbox", options: .withoutRowID) { t in
                t.primaryKey("event_id", .text)
                t.column("seq", .integer).notNull()
                t.column("recipient", .text).notNull()
                t.column("kind", .text).notNull()
                t.column("campaign", .text).notNull()
                t.column("title", .text).notNull()
                t.column("body", .text).notNull()
                t.column("link", .text).notNull()
                t.column("cause_id", .text).notNull()
                t.column("at", .double).notNull()
                t.column("read_at", .double)
            }
            try db.create(index: "gw_inbox_recipient", on: "gw_inbox", columns: ["recipient", "seq"])
        }
    }
}
