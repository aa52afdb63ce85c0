import Contracts
import Domain
import GRDB
import Hummingbird
import ServiceKit

/// The human QA step:
/// - `GET /api/campaigns/{id}/qa` — the checklist pre-filled from the latest automated report (``QAReview``);
/// - `POST /api/campaigns/{id}/qa` with `{"checklist": [{"item", "result", "comment"}…]}` — records it as the
///   signed-in QA reviewer on the campaign's current versions (`record_qa`); an incomplete checklist is 422 with a
///   field error, and the build station's refusal (e.g. `reviewer_is_builder`) comes back as 409.
struct QARoutes: Sendable {
    let store: ServiceStore
    let auth: Authenticator
    let campaigns: CampaignRoutes

    func add(to router: Router<BasicRequestContext>) {
        router.get("api/campaigns/:id/qa") { request, context in try await review(request, id: try context.campaignID()) }
        router.post("api/campaigns/:id/qa") { request, context in try await record(request, id: try context.campaignID()) }
    }

    func review(_ request: Request, id: CampaignID) async throws -> Response {
        _ = try await auth.reader(of: request)
        guard let review = try await prefilled(id) else { throw GatewayProblem.unknownCampaign(id.rawValue) }
        return try ETagged.response(review, for: request)
    }

    /// The pre-filled checklist of `id`, if the campaign is known.
    func prefilled(_ id: CampaignID) async throws -> QAReview? {
        try await store.pool.read { db in
            guard let row = try ReadModel.row(id, in: db) else { return nil }
            return QAReview(campaign: row.campaign, reports: try ReadModel.qaReports(of: id, in: db))
        }
    }

    func record(_ request: Request, id: CampaignID) async throws -> Response {
        let actor = try await auth.writer(of: request)
        try actor.require(anyOf: [.qaReviewer], to: "recording QA")
        let body = try await BodyDecoding.object(of: request)
        let answers = try BodyDecoding.decode([QAChecklistAnswer].self, from: body["checklist"] ?? .null, at: "/checklist")
        return try await record(answers, for: id, by: actor)
    }

    /// Checks `answers` and records them as `actor`'s verdict on the campaign's current versions.
    func record(_ answers: [QAChecklistAnswer], for id: CampaignID, by actor: Actor) async throws -> Response {
        try actor.require(anyOf: [.qaReviewer], to: "recording QA")
        if let problem = QAChecklist.problem(in: answers) {
            throw GatewayProblem.invalid("the checklist is incomplete", errors: [.init(pointer: "#/checklist", detail: problem)])
        }
        guard let review = try await prefilled(id) else { throw GatewayProblem.unknownCampaign(id.rawValue) }
        let verdict = QAVerdict(reviewer: actor.user.id, checklist: answers, documents: review.documents)
        return try await campaigns.send(.recordQA(verdict), to: id, by: actor.user)
    }
}
