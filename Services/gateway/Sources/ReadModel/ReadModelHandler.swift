import Contracts
import Domain
import Foundation
import GRDB
import Logging
import ServiceKit

/// Folds the line's events into the gateway's read model (``GatewayStore``):
/// - `campaign.fact.*` in version order, exactly as the stations do (`Campaign(replaying:)` for version 1,
///   `evolve` for each next one): a version already folded is a duplicate and changes nothing; a missing version,
///   or a fact of a campaign never submitted, is dead-lettered;
/// - `campaign.command.rejected`, kept by the refused command's id;
/// - `qa.report.ready`, kept in bus order;
/// - `campaign.document.submitted`: the bytes, kept by content hash in `gw_blob` (for downloads);
/// - `notification.inbox`: the recipient's notification, kept by event id in their ``Inbox``.
///
/// After each commit that touched a campaign it tells ``CampaignChanges`` (the dashboard's live updates); a
/// notification touches no campaign.
public struct ReadModelHandler: EventHandler {
    /// The topic prefixes it reads.
    public static let prefixes = [
        CampaignFactRecorded.prefix, CommandRejected.topic.rawValue, QAReportReady.topic.rawValue, DocumentSubmitted.topic.rawValue,
        NotificationInbox.topic.rawValue,
    ]

    let clock: SLAClock
    let changes: CampaignChanges

    /// A handler computing SLA due times under `rules`, announcing changed campaigns to `changes`.
    public init(rules: Rules, changes: CampaignChanges) {
        clock = SLAClock(rules: rules)
        self.changes = changes
    }

    public func handle(_ event: AnyEnvelope, in db: Database, outbox: inout Outbox, context: EventContext) throws {
        let touched: CampaignID
        if let fact = event.typed(as: CampaignFactRecorded.self) {
            guard try fold(fact.data, header: fact.header, seq: context.seq, in: db) else {
                context.logger.debug("fact already folded")
                return
            }
            touched = fact.data.event.campaignID
        } else if let rejection = event.typed(as: CommandRejected.self) {
            try db.execute(
                sql: "INSERT INTO gw_rejection (command_id, campaign, at, rejection) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                arguments: [
                    rejection.data.commandID.uuidString.lowercased(), rejection.data.campaignID.rawValue,
                    rejection.header.time.timeIntervalSince1970, try MarqueeJSON.encode(rejection.data),
                ])
            touched = rejection.data.campaignID
        } else if let report = event.typed(as: QAReportReady.self) {
            try db.execute(
                sql: "INSERT INTO gw_qa_report (campaign, report) VALUES (?, ?)",
                arguments: [report.data.campaignID.rawValue, try MarqueeJSON.encode(report.data)])
            touched = report.data.campaignID
        } else if let document = event.typed(as: DocumentSubmitted.self) {
            _ = try DocumentShelf.keep(document.data.content, mediaType: document.data.mediaType, in: db)
            touched = document.data.campaignID
        } else if let notification = event.typed(as: NotificationInbox.self) {
            if try !Inbox.keep(notification.data, id: notification.header.id, at: notification.header.time, seq: context.seq, in: db) {
                context.logger.debug("notification already kept")
            }
            return
        } else {
            return
        }
        try db.execute(
            sql: "UPDATE gw_campaign SET updated_seq = ? WHERE id = ?", arguments: [context.seq, touched.rawValue])
        let changes = changes
        db.afterNextTransaction { _ in changes.announce(touched) }
    }

    /// Folds `fact` when it is the campaign's next version; `false` for a version already folded.
    private func fold(_ fact: CampaignFactRecorded, header: EnvelopeHeader, seq: UInt64, in db: Database) throws -> Bool {
        let id = fact.event.campaignID
        let stored = try ReadModel.row(id, in: db).map { ($0.campaign, $0.version) }
        let campaign: Campaign
        switch (stored, fact.version) {
        case (nil, 1):
            guard let first = Campaign(replaying: [fact.event]) else {
                throw HandlerRejection("version 1 of \(id) is not a submission")
            }
            campaign = first
        case (nil, _):
            throw HandlerRejection("fact of unknown campaign \(id)")
        case (let (current, version)?, let next):
            if next <= version { return false }
            guard next == version + 1 else { throw HandlerRejection("fact arrived before version \(version + 1) of \(id)") }
            var evolved = current
            evolved.evolve(fact.event)
            campaign = evolved
        }
        let due = clock.openDeadlines(of: campaign).map(\.dueAt).min()
        try db.execute(
            sql: """
                INSERT INTO gw_campaign (id, version, stage, type, title, requester, specialist, sla_due_at, launch_date,
                  updated_seq, campaign)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET version = excluded.version, stage = excluded.stage, type = excluded.type,
                  title = excluded.title, requester = excluded.requester, specialist = excluded.specialist,
                  sla_due_at = excluded.sla_due_at, launch_date = excluded.launch_date, updated_seq = excluded.updated_seq,
                  campaign = excluded.campaign
                """,
            arguments: [
                id.rawValue, fact.version, campaign.stage.rawValue, campaign.request.type.rawValue, campaign.request.title,
                campaign.request.requester.rawValue, campaign.specialist?.rawValue, due?.timeIntervalSince1970,
                campaign.request.brief.launchDate?.iso, seq, try MarqueeJSON.encode(campaign),
            ])
        try db.execute(
            sql: """
                INSERT INTO gw_fact (campaign, version, type, stage, occurred_at, event_id, caused_by, fact)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                id.rawValue, fact.version, fact.event.fact.type.rawValue, fact.stage.rawValue,
                fact.event.occurredAt.timeIntervalSince1970, header.id.uuidString.lowercased(),
                header.causationID?.uuidString.lowercased(), try MarqueeJSON.encode(fact),
            ])
        return true
    }
}
