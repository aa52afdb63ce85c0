import Domain
import Foundation
import GRDB
import Hummingbird
import ServiceKit

/// `GET /api/campaigns/{id}/status` — where a campaign stands: its summary (stage, SLA badge), its open SLA deadlines
/// and who it waits for, per action (``WorkQueue`` applied to every enabled user).
struct CampaignStatus: Codable, Sendable, Equatable {
    /// One thing the campaign waits for and everyone who could do it.
    struct Waiting: Codable, Sendable, Equatable {
        var action: WorkItem.Action
        var role: Role
        var step: String?
        var users: [UserID]
    }

    var summary: CampaignSummary
    var deadlines: [SLADeadline]
    var waitingFor: [Waiting]

    private enum CodingKeys: String, CodingKey {
        case summary, deadlines
        case waitingFor = "waiting_for"
    }

    /// Who among `users` the campaign waits for.
    static func waiting(_ campaign: Campaign, users: [GatewayUser]) -> [Waiting] {
        var result: [Waiting] = []
        for user in users {
            for item in WorkQueue.items(for: user, in: campaign) {
                if let index = result.firstIndex(where: { $0.action == item.action && $0.role == item.role && $0.step == item.step }) {
                    result[index].users.append(user.id)
                } else {
                    result.append(Waiting(action: item.action, role: item.role, step: item.step, users: [user.id]))
                }
            }
        }
        return result
    }

    /// Serves the route.
    static func add(
        to router: Router<BasicRequestContext>, store: ServiceStore, rules: Rules, users: UserDirectory, auth: Authenticator, clock: WallClock
    ) {
        router.get("api/campaigns/:id/status") { request, context in
            _ = try await auth.reader(of: request)
            let id = try context.campaignID()
            let now = clock.now()
            guard let row = try await store.pool.read({ db in try ReadModel.row(id, in: db) }) else {
                throw GatewayProblem.unknownCampaign(id.rawValue)
            }
            let people = try await users.accounts().filter { !$0.disabled }.map { GatewayUser(id: $0.id, name: $0.name, roles: $0.roles) }
            let status = CampaignStatus(
                summary: CampaignSummary(row, now: now, calendar: rules.calendar), deadlines: SLAClock(rules: rules).openDeadlines(of: row.campaign),
                waitingFor: waiting(row.campaign, users: people))
            return try ETagged.response(status, for: request)
        }
    }
}
