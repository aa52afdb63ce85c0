import Contracts
import Domain
import Foundation
import GRDB
import Hummingbird
import ServiceKit

/// `GET /api/campaigns/{id}/history?limit=&cursor=` — what happened to a campaign, oldest first: every fact and
/// every refused command, in pages (`limit` 1…200, default 50; `next_cursor` when more follow).
struct CampaignHistory: Codable, Sendable, Equatable {
    /// One entry: a fact (`kind` `fact`) or a refused command (`kind` `refusal`).
    struct Entry: Codable, Sendable, Equatable {
        var at: Date
        var kind: String
        var fact: CampaignFactRecorded?
        var refusal: CommandRejected?
    }

    var items: [Entry]
    var nextCursor: String?

    private enum CodingKeys: String, CodingKey {
        case items
        case nextCursor = "next_cursor"
    }

    /// The page of `facts` and `rejections` (merged by time, facts first at a tie) starting at `offset`.
    init(facts: [CampaignFactRecorded], rejections: [(at: Date, rejection: CommandRejected)], offset: Int, limit: Int) {
        let entries = (facts.map { Entry(at: $0.event.occurredAt, kind: "fact", fact: $0) }
            + rejections.map { Entry(at: $0.at, kind: "refusal", refusal: $0.rejection) })
            .enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element)
        items = Array(entries.dropFirst(offset).prefix(limit))
        nextCursor = offset + limit < entries.count ? PageCursor.encode(String(offset + limit)) : nil
    }

    /// Serves the route.
    static func add(to router: Router<BasicRequestContext>, store: ServiceStore, auth: Authenticator) {
        router.get("api/campaigns/:id/history") { request, context in
            _ = try await auth.reader(of: request)
            let id = try context.campaignID()
            let query = CampaignFilter.query(of: request)
            var errors: [GatewayProblem.FieldError] = []
            var limit = CampaignFilter.defaultLimit
            if let text = query["limit"] {
                if let value = Int(text), (1...CampaignFilter.maxLimit).contains(value) { limit = value } else {
                    errors.append(.init(pointer: "?limit", detail: "limit must be a number from 1 to \(CampaignFilter.maxLimit)"))
                }
            }
            var offset = 0
            if let cursor = query["cursor"] {
                if let value = PageCursor.decode(cursor).flatMap(Int.init), value >= 0 { offset = value } else {
                    errors.append(.init(pointer: "?cursor", detail: "not a cursor this API returned"))
                }
            }
            guard errors.isEmpty else { throw GatewayProblem.badRequest("the query has \(errors.count) bad parameter(s)", errors: errors) }
            let (start, size) = (offset, limit)
            let page = try await store.pool.read { db -> CampaignHistory? in
                guard try ReadModel.row(id, in: db) != nil else { return nil }
                return CampaignHistory(
                    facts: try ReadModel.facts(of: id, in: db), rejections: try ReadModel.timedRejections(of: id, in: db), offset: start,
                    limit: size)
            }
            guard let page else { throw GatewayProblem.unknownCampaign(id.rawValue) }
            return try ETagged.response(page, for: request)
        }
    }
}
