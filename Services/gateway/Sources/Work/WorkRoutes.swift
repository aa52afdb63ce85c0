import Domain
import GRDB
import Hummingbird
import ServiceKit

/// What waits for the signed-in user (``WorkQueue``):
/// - `GET /api/work` — every work item, oldest first;
/// - `GET /api/approvals` — the approvals inbox: the open approval steps they may decide.
///
/// Any signed-in user may ask; each sees only their own work (an administrator has none).
struct WorkRoutes: Sendable {
    let store: ServiceStore
    let auth: Authenticator

    /// The stages in which a campaign waits for a person.
    static let waitingStages: [CampaignStage] = [
        .heldInIntake, .triaged, .assigned, .qaFailed, .building, .selfReview, .edits, .requesterReview, .qaRequested,
        .inApproval, .approved,
    ]

    func add(to router: Router<BasicRequestContext>) {
        router.get("api/work") { request, _ in try await work(request, only: nil) }
        router.get("api/approvals") { request, _ in try await work(request, only: .decideApproval) }
    }

    func work(_ request: Request, only action: WorkItem.Action?) async throws -> Response {
        let actor = try await auth.reader(of: request)
        let rows = try await store.pool.read { db in try ReadModel.campaigns(stages: Self.waitingStages, in: db) }
        let items = WorkQueue.items(for: actor.user, in: rows.map(\.campaign)).filter { action == nil || $0.action == action }
        return try ETagged.response(items, for: request)
    }
}
