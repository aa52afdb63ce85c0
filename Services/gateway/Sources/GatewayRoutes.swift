import Domain
import Hummingbird
import Logging
import ServiceKit

/// Every route of the gateway over one store: campaigns, QA, sign-in and tokens (docs/openapi.yaml), and the
/// dashboard's pages (docs/gateway.md).
public struct GatewayRoutes: Sendable {
    let campaigns: CampaignRoutes
    let qa: QARoutes
    let auth: AuthRoutes
    let dashboard: DashboardRoutes

    /// Routes over `store` under `rules`; "now" comes from `clock`. A command waits up to `answerTimeout` for the
    /// station's answer, looking when `changes` announces its campaign. `secureCookies` forces `Secure` on the
    /// session cookie. `ops` feeds the dashboard's ops page; `heartbeat` paces `GET /events`' heartbeats.
    public init(
        store: ServiceStore, rules: Rules, users: UserDirectory, changes: CampaignChanges, clock: WallClock,
        answerTimeout: Duration = .seconds(5),
        secureCookies: Bool = false, ops: OpsFeed? = nil, heartbeat: Duration = .seconds(15), logger: Logger
    ) {
        let authenticator = Authenticator(store: store, clock: clock)
        let desk = CommandDesk(
            store: store, changes: changes, clock: clock, answerTimeout: answerTimeout, settle: .milliseconds(300), logger: logger)
        campaigns = CampaignRoutes(store: store, rules: rules, clock: clock, auth: authenticator, desk: desk)
        qa = QARoutes(store: store, auth: authenticator, campaigns: campaigns)
        auth = AuthRoutes(store: store, users: users, auth: authenticator, clock: clock, secureCookies: secureCookies)
        dashboard = DashboardRoutes(
            store: store, rules: rules, clock: clock, auth: authenticator, sessions: auth, campaigns: campaigns, qa: qa,
            changes: changes, ops: ops, heartbeat: heartbeat, logger: logger)
    }

    func add(to router: Router<BasicRequestContext>) {
        campaigns.add(to: router)
        qa.add(to: router)
        auth.add(to: router)
        dashboard.add(to: router)
    }
}
