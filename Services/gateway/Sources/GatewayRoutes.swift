import Domain
import Hummingbird
import Logging
import ServiceKit

/// Every route of the gateway over one store: campaigns, QA, sign-in and tokens, work items, documents, calendar,
/// reports, users, the assistant and the inbox (docs/openapi.yaml), and the dashboard's pages (docs/gateway.md).
public struct GatewayRoutes: Sendable {
    let campaigns: CampaignRoutes
    let qa: QARoutes
    let auth: AuthRoutes
    let work: WorkRoutes
    let documents: DocumentRoutes
    let calendar: CalendarRoutes
    let reports: ReportRoutes
    let users: UserRoutes
    let assistant: AssistantRoutes
    let inbox: InboxRoutes
    let authenticator: Authenticator
    let store: ServiceStore
    let rules: Rules
    let directory: UserDirectory
    let clock: WallClock
    let dashboard: DashboardRoutes
    let logger: Logger

    /// The default upload limit: its base64 fits the bus's default 1 MiB message with room for the envelope.
    public static let defaultMaxUploadBytes = 700 * 1024

    /// Routes over `store` under `rules`; "now" comes from `clock`. A command waits up to `answerTimeout` for the
    /// station's answer, looking when `changes` announces its campaign. `secureCookies` forces `Secure` on the
    /// session cookie. Documents above `maxUploadBytes` are refused (413). `ops` feeds the dashboard's ops page;
    /// `heartbeat` paces `GET /events`' heartbeats. Chat messages go to `assistant` (nil: not configured, 503).
    public init(
        store: ServiceStore, rules: Rules, users: UserDirectory, changes: CampaignChanges, clock: WallClock,
        answerTimeout: Duration = .seconds(5),
        secureCookies: Bool = false, maxUploadBytes: Int = defaultMaxUploadBytes, ops: OpsFeed? = nil,
        assistant: AssistantClient? = nil, heartbeat: Duration = .seconds(15), logger: Logger
    ) {
        let authenticator = Authenticator(store: store, clock: clock)
        let desk = CommandDesk(
            store: store, changes: changes, clock: clock, answerTimeout: answerTimeout, settle: .milliseconds(300), logger: logger)
        campaigns = CampaignRoutes(store: store, rules: rules, clock: clock, auth: authenticator, desk: desk)
        qa = QARoutes(store: store, auth: authenticator, campaigns: campaigns)
        auth = AuthRoutes(
            store: store, users: users, auth: authenticator, clock: clock, secureCookies: secureCookies, throttle: SignInThrottle())
        work = WorkRoutes(store: store, auth: authenticator)
        documents = DocumentRoutes(store: store, auth: authenticator, clock: clock, maxUploadBytes: maxUploadBytes)
        calendar = CalendarRoutes(store: store, rules: rules, auth: authenticator, clock: clock)
        reports = ReportRoutes(store: store, rules: rules, auth: authenticator, clock: clock)
        self.users = UserRoutes(users: users, rules: rules, auth: authenticator, clock: clock)
        let chat = AssistantChat(client: assistant, store: store, clock: clock, logger: logger)
        self.assistant = AssistantRoutes(chat: chat, auth: authenticator)
        let inbox = InboxRoutes(store: store, auth: authenticator, clock: clock)
        self.inbox = inbox
        self.authenticator = authenticator
        self.store = store
        self.rules = rules
        directory = users
        self.clock = clock
        dashboard = DashboardRoutes(
            store: store, rules: rules, clock: clock, auth: authenticator, sessions: auth, campaigns: campaigns, qa: qa,
            chat: chat, inbox: inbox, changes: changes, ops: ops, heartbeat: heartbeat, logger: logger)
        self.logger = logger
    }

    /// Adds the API and the dashboard to `router`, behind ``ProblemMiddleware``.
    public func add(to router: Router<BasicRequestContext>) {
        router.add(middleware: ProblemMiddleware(logger: logger))
        campaigns.add(to: router)
        qa.add(to: router)
        auth.add(to: router)
        CampaignHistory.add(to: router, store: store, auth: authenticator)
        CampaignStatus.add(to: router, store: store, rules: rules, users: directory, auth: authenticator, clock: clock)
        work.add(to: router)
        documents.add(to: router)
        calendar.add(to: router)
        reports.add(to: router)
        users.add(to: router)
        assistant.add(to: router)
        inbox.add(to: router)
        dashboard.add(to: router)
    }
}
