import Contracts
import Domain
import Foundation
import GRDB
import ServiceKit
import StationKit

/// Build's additions to the line:
/// - every `campaign.document.submitted` is stored content-addressed (``DocumentLibrary``) and logged in
///   `document_version` (one row per new content of a document; the same bytes again are no new version),
///   then `campaign.command.revise_document` asks the owning station to move the campaign to it;
/// - a document made from a template the library lacks raises the `missing_template` escalation (flag,
///   and a request to the document's owner: the campaign's specialist, else the submitter);
/// - `campaign.fact.campaign_approved` marks the approved versions in the log;
/// - an assignment is announced as `campaign.assigned` for the specialist.
public struct BuildHooks: StationHooks {
    let documents: DocumentLibrary
    let templates: TemplateLibrary
    let rules: Rules

    /// Hooks storing documents under `<data>/documents` and reading templates from `templates`.
    public init(dataDirectory: String, templatesDirectory: String?, rules: Rules) {
        let data = URL(fileURLWithPath: dataDirectory)
        documents = DocumentLibrary(root: data.appendingPathComponent("documents"))
        templates = TemplateLibrary(
            directory: templatesDirectory.map { URL(fileURLWithPath: $0) } ?? data.appendingPathComponent("templates"))
        self.rules = rules
    }

    public var extraPrefixes: [String] { ["campaign.document."] }

    public func registerMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("build.v1") { db in
            try db.create(table: "document_version", options: .withoutRowID) { t in
                t.column("campaign", .text).notNull()
                t.column("document", .text).notNull()
                t.column("version", .integer).notNull()
                t.column("content_hash", .text).notNull()
                t.column("media_type", .text).notNull()
                t.column("bytes", .integer).notNull()
                t.column("template", .text)
                t.column("submitted_by", .text).notNull()
                t.column("submitted_at", .double).notNull()
                t.column("approved_at", .double)
                t.primaryKey(["campaign", "document", "version"])
            }
        }
    }

    public func handle(_ event: AnyEnvelope, in db: Database, outbox: inout Outbox, context: EventContext) throws
        -> Bool
    {
        guard let submitted = event.typed(as: DocumentSubmitted.self) else { return false }
        let document = submitted.data
        guard let campaign = try StationRecords.campaign(document.campaignID, in: db) else {
            throw HandlerRejection("document \(document.document) for unknown campaign \(document.campaignID)")
        }
        let hash = try documents.store(document.content)
        let latest = try Row.fetchOne(
            db,
            sql: """
                SELECT version, content_hash FROM document_version WHERE campaign = ? AND document = ?
                ORDER BY version DESC LIMIT 1
                """, arguments: [campaign.id.rawValue, document.document.rawValue])
        guard latest?["content_hash"] != hash.rawValue else { return true }
        let version = (latest?["version"] ?? 0) + 1
        try db.execute(
            sql: """
                INSERT INTO document_version
                  (campaign, document, version, content_hash, media_type, bytes, template, submitted_by, submitted_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                campaign.id.rawValue, document.document.rawValue, version, hash.rawValue, document.mediaType,
                document.content.count, document.template, document.submittedBy.rawValue,
                submitted.time.timeIntervalSince1970,
            ])
        if let template = document.template, !templates.contains(template) {
            let owner = campaign.specialist ?? document.submittedBy
            try StationRecords.raise(
                [Escalations.missingTemplate(template, campaign: campaign.id, documentOwner: owner, rules: rules)],
                station: .build, at: submitted.time, in: db, outbox: &outbox)
        }
        let revise = DocumentVersion(document: document.document, version: version, contentHash: hash)
        outbox.emit(
            CampaignCommandIssued(campaignID: campaign.id, command: .reviseDocument(revise)),
            id: DerivedEventID.revision(campaign.id.rawValue, document: document.document.rawValue, version: version))
        return true
    }

    public func folded(_ fact: CampaignFactRecorded, campaign: Campaign, in db: Database, outbox: inout Outbox) throws {
        guard case .campaignApproved(let versions) = fact.event.fact else { return }
        for version in versions {
            try db.execute(
                sql: """
                    UPDATE document_version SET approved_at = ?
                    WHERE campaign = ? AND document = ? AND content_hash = ? AND approved_at IS NULL
                    """,
                arguments: [
                    fact.event.occurredAt.timeIntervalSince1970, campaign.id.rawValue, version.document.rawValue,
                    version.contentHash.rawValue,
                ])
        }
    }

    public func decided(_ facts: [CampaignFactRecorded], campaign: Campaign, in db: Database, outbox: inout Outbox) {
        for fact in facts {
            guard case .specialistAssigned(let specialist) = fact.event.fact else { continue }
            outbox.emit(
                CampaignAssigned(
                    campaignID: campaign.id, assignee: specialist, role: rules.mvpRule(for: campaign.request.type).assignTo),
                id: DerivedEventID.named("assigned/\(campaign.id)/\(fact.version)"))
        }
    }
}
