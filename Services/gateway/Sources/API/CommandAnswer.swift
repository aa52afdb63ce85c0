import Contracts
import Domain
import Foundation
import Hummingbird

/// The HTTP answer to a command or request: 200/201 with the facts it caused, 202 when the line has not answered
/// yet, or the station's refusal as problem+json — 409 when the campaign's state or the line's separation of
/// duties forbids it, 422 when the command itself is malformed for the line.
struct CommandAnswer: Codable, Sendable, Equatable {
    var commandID: UUID
    var campaignID: CampaignID
    /// `accepted` or `pending`.
    var status: String
    var facts: [CampaignFactRecorded]

    private enum CodingKeys: String, CodingKey {
        case commandID = "command_id"
        case campaignID = "campaign_id"
        case status, facts
    }

    /// The rejection codes that mean the request itself is wrong (422); every other code is a conflict (409).
    static let unprocessableCodes: Set<String> = [
        "comments_required", "invalid_checklist", "unknown_approval_step", "not_in_future", "missing_role",
    ]

    /// The response for `outcome` of the command `id`; `created` answers 201 (a new campaign).
    static func response(_ outcome: CommandOutcome, id: UUID, campaign: CampaignID, created: Bool = false) throws -> Response {
        switch outcome {
        case .rejected(let rejection):
            throw GatewayProblem(
                type: "command-rejected", title: "Refused by the \(rejection.stage?.station.rawValue ?? "line") station",
                status: unprocessableCodes.contains(rejection.code) ? 422 : 409, detail: rejection.message, code: rejection.code)
        case .facts(let facts):
            return try JSONResponse.make(
                CommandAnswer(commandID: id, campaignID: campaign, status: "accepted", facts: facts),
                status: created ? .created : .ok, location: "/api/campaigns/\(campaign.rawValue)")
        case .pending:
            return try JSONResponse.make(
                CommandAnswer(commandID: id, campaignID: campaign, status: "pending", facts: []), status: .accepted,
                location: "/api/campaigns/\(campaign.rawValue)")
        }
    }
}
