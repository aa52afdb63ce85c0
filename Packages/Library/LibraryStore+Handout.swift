import Domain
import Foundation
import GRDB

extension LibraryStore {
    /// Hands out the current version of the template called `name`, filled with `campaign`'s fields when one
    /// is given. When the library has no such template, logs a request to `templateOwner` (the SOP's "missing
    /// template → flag + request to the document owner") and returns it; the caller raises the flag event.
    public func handOut(
        templateNamed name: String, for campaign: (id: CampaignID, request: CampaignRequest)?, requestedBy: UserID, at: Date
    ) async throws -> TemplateHandout {
        if let template = try await template(named: name) {
            guard let campaign else { return .rendered(template: template, text: template.body, unfilled: []) }
            let (text, unfilled) = TemplateRenderer.render(
                template.body, fields: campaign.request.templateFields(campaignID: campaign.id))
            return .rendered(template: template, text: text, unfilled: unfilled)
        }
        let request = TemplateRequest(
            name: name, campaignID: campaign?.id, requestedBy: requestedBy, owner: templateOwner, at: at)
        try await database.write { db in
            try db.execute(
                sql: "INSERT INTO library_template_request (name, campaign_id, requested_by, owner, at) VALUES (?, ?, ?, ?, ?)",
                arguments: [name, campaign?.id.rawValue, requestedBy.rawValue, templateOwner.rawValue, at.timeIntervalSince1970])
        }
        return .missing(request)
    }

    /// Every logged template request, oldest first.
    public func templateRequests() async throws -> [TemplateRequest] {
        try await database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM library_template_request ORDER BY id").map { row in
                TemplateRequest(
                    name: row["name"], campaignID: (row["campaign_id"] as String?).map(CampaignID.init(rawValue:)),
                    requestedBy: UserID(rawValue: row["requested_by"]), owner: UserID(rawValue: row["owner"]),
                    at: Date(timeIntervalSince1970: row["at"]))
            }
        }
    }
}
