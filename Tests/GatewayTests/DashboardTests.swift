import Bus
import Contracts
import Domain
import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import ServiceKit
import ServiceTestKit
import Testing

@testable import GatewayService

/// The dashboard through the router: sign-in, every page for every role, redirects when signed out, CSRF on every
/// form, the request form's MVP check, SLA badges on the board, escaping, error pages and the command forms.
@Suite struct DashboardTests {
    static let pages = [
        "/", "/requests/new", "/work", "/approvals", "/calendar", "/calendar?month=2026-12", "/ops", "/campaigns/cmp-1",
        "/campaigns/cmp-1/qa", "/assistant", "/inbox",
    ]

    @Test func signedOutPagesRedirectToSignInAndBack() async throws {
        let gateway = try await GatewayHarness.make()
        try await gateway.endpoint.application().test(.router) { client in
            for page in Self.pages {
                try await client.execute(uri: page, method: .get) { response in
                    #expect(response.status == .seeOther, "\(page)")
                    #expect(response.headers[.location]?.hasPrefix("/login?next=%2F") == true, "\(page)")
                }
            }
            try await client.execute(uri: "/work", method: .get) { response in
                #expect(response.headers[.location] == "/login?next=%2Fwork")
            }
            try await client.execute(uri: "/events", method: .get) { response in
                #expect(response.status == .unauthorized, "an event stream is refused, not redirected")
            }
            try await client.execute(uri: "/login?next=%2Fwork", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains(#"name="next" value="/work""#))
            }
            let password = try #require(gateway.passwords["ana"])
            for next in ["%2Fwork", "%2F%2Fevil.example", "https%3A%2F%2Fevil.example"] {
                try await client.execute(
                    uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                    body: ByteBuffer(string: "user=ana&password=\(Form.encode(password))&next=\(next)")
                ) { response in
                    #expect(response.status == .seeOther)
                    #expect(
                        response.headers[.location] == (next == "%2Fwork" ? "/work" : "/"),
                        "no open redirect for \(next)")
                }
            }
            try await client.execute(
                uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "user=ana&password=wrong")
            ) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.setCookie] == nil)
                #expect(String(buffer: response.body).contains("Unknown user or wrong password."))
            }
        }
    }

    @Test func everyPageRendersForEveryRole() async throws {
        let gateway = try await GatewayHarness.make()
        try await gateway.fold(
            campaign: "cmp-1", [.submitted(GatewayHarness.request()), .triaged(.assign(to: .specialist))])
        try await gateway.endpoint.application().test(.router) { client in
            for user in GatewayHarness.rules.people.map(\.id.rawValue) + [UserDirectory.adminID.rawValue] {
                let session = try await DashboardSession.signIn(
                    user, password: try #require(gateway.passwords[user]), client: client)
                for page in Self.pages {
                    try await client.execute(uri: page, method: .get, headers: session.headers) { response in
                        #expect(response.status == .ok, "\(page) for \(user)")
                        #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                        let html = String(buffer: response.body)
                        #expect(
                            html.contains(##"<a class="skip" href="#main">"##) && html.contains(#"action="/logout""#),
                            "\(page) for \(user)")
                    }
                }
            }
        }
    }

    @Test func everyLoginOpensANewSessionAndSignOutNeedsTheToken() async throws {
        let gateway = try await GatewayHarness.make()
        try await gateway.endpoint.application().test(.router) { client in
            let password = try #require(gateway.passwords["ana"])
            let first = try await DashboardSession.signIn("ana", password: password, client: client)
            let second = try await DashboardSession.signIn("ana", password: password, client: client)
            #expect(first.cookie != second.cookie && first.csrf != second.csrf)
            try await client.execute(uri: "/logout", method: .post, headers: first.formHeaders, body: Form.body([])) {
                response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(uri: "/logout", method: .post, headers: first.formHeaders, body: first.form([])) {
                response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/login")
            }
            try await client.execute(uri: "/", method: .get, headers: first.headers) { response in
                #expect(response.status == .seeOther, "the session is closed")
            }
            try await client.execute(uri: "/", method: .get, headers: second.headers) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test func everyFormNeedsTheCSRFToken() async throws {
        let gateway = try await GatewayHarness.make()
        try await gateway.fold(
            campaign: "cmp-1", [.submitted(GatewayHarness.request()), .triaged(.assign(to: .specialist))])
        try await gateway.endpoint.application().test(.router) { client in
            let olga = try await DashboardSession.signIn(
                "olga", password: try #require(gateway.passwords["olga"]), client: client)
            let ana = try await DashboardSession.signIn(
                "ana", password: try #require(gateway.passwords["ana"]), client: client)
            let posts: [(DashboardSession, String, [(String, String)])] = [
                (ana, "/requests", [("title", "x")]), (ana, "/requests/check", [("title", "x")]),
                (olga, "/campaigns/cmp-1/commands", [("type", "assign"), ("specialist", "sam")]),
                (olga, "/campaigns/cmp-1/qa", []),
            ]
            for (session, uri, fields) in posts {
                for token in ["", "forged"] {
                    let body = Form.body((token.isEmpty ? [] : [("_csrf", token)]) + fields)
                    try await client.execute(uri: uri, method: .post, headers: session.formHeaders, body: body) {
                        response in
                        #expect(response.status == .forbidden, "\(uri) with token \"\(token)\"")
                        #expect(String(buffer: response.body).contains("CSRF"))
                    }
                }
            }
            let outbox = try await gateway.store.pool.read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox") ?? 0
            }
            #expect(outbox == 0, "nothing was sent")
        }
    }

    @Test func theRequestFormListsWhatTheMVPLacks() async throws {
        let gateway = try await GatewayHarness.make(answerTimeout: .milliseconds(100))
        try await gateway.endpoint.application().test(.router) { client in
            let ana = try await DashboardSession.signIn(
                "ana", password: try #require(gateway.passwords["ana"]), client: client)
            try await client.execute(uri: "/requests/new", method: .get, headers: ana.headers) { response in
                let html = String(buffer: response.body)
                #expect(html.contains(#"<label for="f-goal">Goal</label>"#) && html.contains(#"id="mvp-missing""#))
                #expect(html.contains(#"<script src="/static/live.js" defer></script>"#))
            }
            let incomplete = ana.form([
                ("title", "Spring sale"), ("type", "other"), ("goal", "sell"), ("launch_date", "soon"),
            ])
            try await client.execute(uri: "/requests", method: .post, headers: ana.formHeaders, body: incomplete) {
                response in
                #expect(response.status == .unprocessableContent)
                let html = String(buffer: response.body)
                for item in [
                    "Objective: choose the objective", "Audience: say who the campaign is for", "Key message:",
                    "Channels: list at least one channel",
                    "Launch date: write the date as YYYY-MM-DD", "Launch date: give the launch date",
                ] {
                    #expect(html.contains(item), "lists \(item)")
                }
                #expect(!html.contains("Goal: say what"), "the goal is there")
                #expect(
                    html.contains(
                        #"id="f-audience" name="audience" value="" aria-describedby="h-audience e-audience" aria-invalid="true""#
                    ))
                #expect(html.contains(#"value="Spring sale""#), "what was typed stays")
            }
            try await client.execute(uri: "/requests/check", method: .post, headers: ana.formHeaders, body: incomplete)
            { response in
                #expect(response.status == .ok)
                let answer = HTTP.json(response.body)
                #expect(
                    (answer["missing"] as? [[String: Any]])?.compactMap { $0["field"] as? String }
                        == ["objective", "audience", "key_message", "channels", "launch_date"])
                #expect(
                    (answer["errors"] as? [[String: Any]])?.compactMap { $0["field"] as? String } == ["launch_date"])
            }
            let outbox = try await gateway.store.pool.read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox") ?? 0
            }
            #expect(outbox == 0, "an incomplete request is not sent")

            let complete = ana.form([
                ("title", "Spring sale"), ("type", "other"), ("objective", "conversion"), ("goal", "sell"),
                ("audience", "EU admins"),
                ("key_message", "Save an hour"), ("channels", "email"), ("channels", "web"),
                ("launch_date", "2026-12-08"),
            ])
            try await client.execute(uri: "/requests", method: .post, headers: ana.formHeaders, body: complete) {
                response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location]?.hasPrefix("/campaigns/cmp-") == true)
            }
            let sent = try #require(
                try await gateway.store.pool.read { db in try Data.fetchOne(db, sql: "SELECT payload FROM outbox") })
            let submitted = try #require(
                try EventCatalog.marquee.decode(sent, topic: nil).typed(as: RequestSubmitted.self))
            #expect(submitted.data.request.requester == "ana")
            #expect(submitted.data.request.brief.channels == [.email, .web])
            #expect(triage(submitted.data.request, rules: GatewayHarness.rules) == .assign(to: .specialist))

            let sam = try await DashboardSession.signIn(
                "sam", password: try #require(gateway.passwords["sam"]), client: client)
            try await client.execute(
                uri: "/requests", method: .post, headers: sam.formHeaders, body: sam.form([("title", "x")])
            ) { response in
                #expect(response.status == .forbidden, "sam is no requester")
            }
        }
    }

    @Test func aHeldRequestIsCompletedOnTheFormAndResubmitted() async throws {
        let gateway = try await GatewayHarness.make(answerTimeout: .seconds(30))
        let held = CampaignRequest(
            title: "Half a brief", requester: "ana", objective: .conversion, type: .other,
            brief: Brief(goal: "sell", channels: [.email], launchDate: Day(year: 2026, month: 12, day: 8)))
        try await gateway.fold(
            campaign: "cmp-held", [.submitted(held), .triaged(triage(held, rules: GatewayHarness.rules))])
        try await gateway.endpoint.application().test(.router) { client in
            let ana = try await DashboardSession.signIn(
                "ana", password: try #require(gateway.passwords["ana"]), client: client)
            let ben = try await DashboardSession.signIn(
                "ben", password: try #require(gateway.passwords["ben"]), client: client)
            let page = try await client.execute(uri: "/campaigns/cmp-held", method: .get, headers: ana.headers) {
                String(buffer: $0.body)
            }
            #expect(page.contains(#"href="/requests/new?campaign=cmp-held" data-command="resubmit""#))
            let bens = try await client.execute(uri: "/campaigns/cmp-held", method: .get, headers: ben.headers) {
                String(buffer: $0.body)
            }
            #expect(!bens.contains(#"data-command="resubmit""#), "only the requester completes it")
            try await client.execute(uri: "/requests/new?campaign=cmp-held", method: .get, headers: ben.headers) {
                response in
                #expect(response.status == .conflict)
            }
            try await client.execute(uri: "/requests/new?campaign=cmp-held", method: .get, headers: ana.headers) {
                response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains(#"name="campaign" value="cmp-held""#) && html.contains(#"value="Half a brief""#))
                #expect(html.contains(#"value="2026-12-08""#) && html.contains(#"value="email" checked"#))
                #expect(html.contains("Audience: say who the campaign is for"), "what intake misses is listed at once")
            }
            let completed = [
                ("campaign", "cmp-held"), ("title", "Half a brief"), ("type", "other"), ("objective", "conversion"),
                ("goal", "sell"), ("audience", "EU admins"), ("key_message", "Save an hour"), ("channels", "email"),
                ("launch_date", "2026-12-08"),
            ]
            try await client.execute(
                uri: "/requests", method: .post, headers: ben.formHeaders, body: ben.form(completed)
            ) { response in
                #expect(response.status == .conflict, "ben cannot resubmit ana's request")
            }
            async let station: Void = gateway.answer { command in
                let issued = try #require(command.typed(as: CampaignCommandIssued.self))
                guard case .resubmit(let request) = issued.data.command else {
                    Issue.record("the form sent \(issued.data.command.kind.rawValue), not resubmit")
                    return []
                }
                #expect(request.requester == "ana" && request.brief.audience == "EU admins")
                var campaign = try await gateway.store.pool.read { db in try ReadModel.row("cmp-held", in: db)?.campaign
                }
                return [
                    GatewayHarness.factEnvelope(
                        "cmp-held", .resubmitted(request), version: 3, after: &campaign, causedBy: command.header.id),
                    GatewayHarness.factEnvelope(
                        "cmp-held", .triaged(.assign(to: .specialist)), version: 4, after: &campaign,
                        causedBy: command.header.id),
                ]
            }
            let response = try await client.execute(
                uri: "/requests", method: .post, headers: ana.formHeaders, body: ana.form(completed))
            try await station
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/campaigns/cmp-held")
        }
    }

    @Test func theBoardShowsEachCampaignsSLABadge() async throws {
        let gateway = try await GatewayHarness.make()
        let earlier = GatewayHarness.now.addingTimeInterval(-3 * 86_400)
        try await fold(
            gateway, "cmp-late",
            [.submitted(GatewayHarness.request(title: "Late one")), .triaged(.assign(to: .specialist))], at: earlier)
        try await fold(
            gateway, "cmp-soon",
            [.submitted(GatewayHarness.request(title: "Soon one")), .triaged(.assign(to: .specialist))])
        try await fold(
            gateway, "cmp-fine",
            [
                .submitted(GatewayHarness.request(by: "ben", title: "Fine one")), .triaged(.assign(to: .specialist)),
                .specialistAssigned("sam"),
            ])
        try await gateway.endpoint.application().test(.router) { client in
            let olga = try await DashboardSession.signIn(
                "olga", password: try #require(gateway.passwords["olga"]), client: client)
            let html = try await client.execute(uri: "/", method: .get, headers: olga.headers) {
                String(buffer: $0.body)
            }
            for (id, badge) in [("cmp-late", "breached"), ("cmp-soon", "due_soon"), ("cmp-fine", "on_time")] {
                let marker = "data-campaign-id=\"\(id)\""
                let card = try #require(html.range(of: marker), "\(id) is on the board")
                #expect(html[card.upperBound...].prefix(300).contains("data-sla=\"\(badge)\""), "\(id) is \(badge)")
            }
            #expect(html.contains(#"data-stage="triaged""#) && html.contains(#"data-stage="assigned""#))
            let filtered = try await client.execute(uri: "/?requester=ben&type=", method: .get, headers: olga.headers) {
                String(buffer: $0.body)
            }
            #expect(filtered.contains("cmp-fine") && !filtered.contains("cmp-late"))
            try await client.execute(uri: "/?type=radio", method: .get, headers: olga.headers) { response in
                #expect(response.status == .badRequest)
            }
        }
    }

    @Test func aFullColumnShowsItsMostUrgentCardsAndLinksToTheRest() async throws {
        let gateway = try await GatewayHarness.make()
        let count = DashboardRoutes.cardsPerColumn + 3
        for index in 0..<count {
            try await gateway.fold(
                campaign: CampaignID(rawValue: String(format: "cmp-%03d", index)),
                [.submitted(GatewayHarness.request(title: "Campaign \(index)")), .triaged(.assign(to: .specialist))])
        }
        try await gateway.endpoint.application().test(.router) { client in
            let olga = try await DashboardSession.signIn("olga", password: try #require(gateway.passwords["olga"]), client: client)
            let board = try await client.execute(uri: "/", method: .get, headers: olga.headers) { String(buffer: $0.body) }
            #expect(board.components(separatedBy: "data-campaign-id=").count - 1 == DashboardRoutes.cardsPerColumn)
            #expect(board.contains("Triaged <small>(\(count))</small>"))
            #expect(board.contains(#"<a href="/?stage=triaged">Show all Triaged (3 more)</a>"#))
            let column = try await client.execute(uri: "/?stage=triaged", method: .get, headers: olga.headers) { String(buffer: $0.body) }
            #expect(column.components(separatedBy: "data-campaign-id=").count - 1 == count)
            #expect(!column.contains(#"data-stage="submitted""#) && column.contains("Back to the whole board"))
            #expect(!column.contains("Show all"))
        }
    }

    @Test func hostileTitlesAreEscapedAndErrorPagesShowNoInternals() async throws {
        let gateway = try await GatewayHarness.make()
        let hostile = #"<script>alert("x")</script>"#
        try await gateway.fold(campaign: "cmp-x", [.submitted(GatewayHarness.request(title: hostile))])
        try await gateway.endpoint.application().test(.router) { client in
            let ana = try await DashboardSession.signIn(
                "ana", password: try #require(gateway.passwords["ana"]), client: client)
            for page in ["/", "/campaigns/cmp-x", "/work", "/calendar?month=2026-12"] {
                let html = try await client.execute(uri: page, method: .get, headers: ana.headers) {
                    String(buffer: $0.body)
                }
                #expect(!html.contains("<script>alert"), "\(page) escapes the title")
                #expect(html.contains("&lt;script&gt;alert"), "\(page) shows the title")
            }
            for (page, status) in [
                ("/campaigns/cmp-none", 404), ("/calendar?month=2026-13", 400), ("/campaigns/%3Cscript%3E", 404),
            ] {
                try await client.execute(uri: page, method: .get, headers: ana.headers) { response in
                    #expect(response.status.code == status, "\(page)")
                    #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                    let html = String(buffer: response.body)
                    #expect(html.contains(#"role="alert""#))
                    #expect(
                        !html.contains(".swift") && !html.contains("Error(") && !html.contains("<script>"),
                        "\(page) shows no internals")
                }
            }
        }
    }

    @Test func commandFormsActAsTheUserAndShowTheStationsRefusal() async throws {
        let gateway = try await GatewayHarness.make(answerTimeout: .seconds(30))
        try await gateway.fold(
            campaign: "cmp-1",
            [.submitted(GatewayHarness.request()), .triaged(.assign(to: .specialist)), .specialistAssigned("sam")])
        try await gateway.endpoint.application().test(.router) { client in
            let sam = try await DashboardSession.signIn(
                "sam", password: try #require(gateway.passwords["sam"]), client: client)
            let page = try await client.execute(uri: "/campaigns/cmp-1", method: .get, headers: sam.headers) {
                String(buffer: $0.body)
            }
            #expect(page.contains(#"data-command="start_build""#) && page.contains(#"data-command="cancel""#) == false)
            let ana = try await DashboardSession.signIn(
                "ana", password: try #require(gateway.passwords["ana"]), client: client)
            let anas = try await client.execute(uri: "/campaigns/cmp-1", method: .get, headers: ana.headers) {
                String(buffer: $0.body)
            }
            #expect(!anas.contains(#"data-command="start_build""#) && anas.contains(#"data-command="cancel""#))
            let ben = try await DashboardSession.signIn(
                "ben", password: try #require(gateway.passwords["ben"]), client: client)
            let bens = try await client.execute(uri: "/campaigns/cmp-1", method: .get, headers: ben.headers) {
                String(buffer: $0.body)
            }
            #expect(!bens.contains(#"data-command="cancel""#), "another requester's campaign offers ben no cancel")
            try await client.execute(
                uri: "/campaigns/cmp-1/commands", method: .post, headers: ana.formHeaders,
                body: ana.form([("type", "start_build")])
            ) { response in
                #expect(response.status == .forbidden, "ana is no specialist")
                #expect(String(buffer: response.body).contains("start_build needs one of the roles specialist"))
            }
            async let refusal: Void = gateway.answer { command in
                [GatewayHarness.rejection(of: command, code: "not_the_specialist", stage: .assigned)]
            }
            let refused = try await client.execute(
                uri: "/campaigns/cmp-1/commands", method: .post, headers: sam.formHeaders,
                body: sam.form([("type", "start_build")]))
            try await refusal
            #expect(refused.status == .conflict)
            #expect(
                String(buffer: refused.body).contains("refused: not_the_specialist"),
                "the station's message is on the page")
            #expect(String(buffer: refused.body).contains(#"<h2>Refused commands</h2>"#))

            async let accepted: Void = gateway.answer { command in
                var campaign = try await gateway.store.pool.read { db in try ReadModel.row("cmp-1", in: db)?.campaign }
                return [
                    GatewayHarness.factEnvelope(
                        "cmp-1", .buildStarted, version: 4, after: &campaign, causedBy: command.header.id)
                ]
            }
            let built = try await client.execute(
                uri: "/campaigns/cmp-1/commands", method: .post, headers: sam.formHeaders,
                body: sam.form([("type", "start_build")]))
            try await accepted
            #expect(built.status == .seeOther)
            #expect(built.headers[.location] == "/campaigns/cmp-1")
            try await client.execute(
                uri: "/campaigns/cmp-1/commands", method: .post, headers: sam.formHeaders,
                body: sam.form([("type", "fly")])
            ) {
                response in
                #expect(response.status == .unprocessableContent, "an unknown command is a 422, not a crash")
            }
        }
    }

    @Test func theCampaignPageShowsEveryDocumentVersionAndTheQAPageTheFindings() async throws {
        let gateway = try await GatewayHarness.make()
        let (first, second) = (
            DocumentVersion(document: "email", version: 1, contentHash: "h1"),
            DocumentVersion(document: "email", version: 2, contentHash: "h2")
        )
        try await gateway.fold(
            campaign: "cmp-q",
            [
                .submitted(GatewayHarness.request()), .triaged(.assign(to: .specialist)), .specialistAssigned("sam"),
                .buildStarted,
                .documentRevised(first), .documentRevised(second), .selfReviewStarted, .sentToRequester(round: 1),
                .requesterApproved(by: "ana"), .qaRequested,
            ])
        let report = QAReportReady(
            campaignID: "cmp-q", documents: [second],
            findings: [
                .init(
                    document: "email", rule: "link.empty-href", severity: "error", message: "empty link <a>",
                    fix: "add it")
            ],
            worker: "qa-1")
        try await gateway.fold(AnyEnvelope(Envelope.make(report, source: "marquee/qa", now: GatewayHarness.now)))
        try await gateway.endpoint.application().test(.router) { client in
            let quinn = try await DashboardSession.signIn(
                "quinn", password: try #require(gateway.passwords["quinn"]), client: client)
            let page = try await client.execute(uri: "/campaigns/cmp-q", method: .get, headers: quinn.headers) {
                String(buffer: $0.body)
            }
            #expect(page.contains("<td>email</td><td>v1</td><td><code>h1</code></td><td>superseded</td>"))
            #expect(page.contains("<td>email</td><td>v2</td><td><code>h2</code></td><td>current</td>"))
            #expect(
                page.contains("error · email · link.empty-href: empty link &lt;a&gt;"),
                "the automated report is in the history")
            #expect(page.contains(#"data-command="record_qa""#), "a QA reviewer is offered the checklist")
            let qa = try await client.execute(uri: "/campaigns/cmp-q/qa", method: .get, headers: quinn.headers) {
                String(buffer: $0.body)
            }
            let item = try #require(QAChecklist.standard.first { $0.covers(rule: "link.empty-href") }).id
            #expect(
                qa.contains("name=\"result_\(item)\" value=\"fail\" checked"), "the finding's item starts as failed")
            #expect(qa.contains("pre-filled outcome <strong>failed</strong>"))
            let cleared = QAChecklist.standard.map { ("result_\($0.id)", "pass") }
            async let station: Void = gateway.answer { command in
                let issued = try #require(command.typed(as: CampaignCommandIssued.self))
                guard case .recordQA(let verdict) = issued.data.command else {
                    Issue.record("the form sent \(issued.data.command.kind.rawValue), not record_qa")
                    return []
                }
                #expect(verdict.reviewer == "quinn" && verdict.documents == [second] && verdict.outcome == .passed)
                return [GatewayHarness.rejection(of: command, code: "reviewer_is_builder", stage: .qaRequested)]
            }
            let refused = try await client.execute(
                uri: "/campaigns/cmp-q/qa", method: .post, headers: quinn.formHeaders, body: quinn.form(cleared))
            try await station
            #expect(refused.status == .conflict)
            #expect(String(buffer: refused.body).contains("refused: reviewer_is_builder"))
        }
    }

    @Test func myWorkAndTheApprovalsInboxListWhatWaitsForEachRole() async throws {
        let gateway = try await GatewayHarness.make()
        try await gateway.fold(
            campaign: "cmp-new",
            [.submitted(GatewayHarness.request(title: "To assign")), .triaged(.assign(to: .specialist))])
        let passed = QAVerdict(
            reviewer: "quinn", checklist: QAChecklist.standard.map { QAChecklistAnswer(item: $0.id, result: .pass) },
            documents: [])
        for (id, requester) in [("cmp-appr", "ana"), ("cmp-own", "mia")] as [(CampaignID, UserID)] {
            let request = GatewayHarness.request(by: requester, title: "To approve")
            try await gateway.fold(
                campaign: id,
                [
                    .submitted(request), .triaged(.assign(to: .specialist)), .specialistAssigned("sam"), .buildStarted,
                    .selfReviewStarted,
                    .sentToRequester(round: 1), .requesterApproved(by: requester), .qaRequested, .qaRecorded(passed),
                    .approvalsStarted(GatewayHarness.rules.approvals.route(request)),
                ])
        }
        try await gateway.endpoint.application().test(.router) { client in
            func page(_ uri: String, as user: String) async throws -> String {
                let session = try await DashboardSession.signIn(
                    user, password: try #require(gateway.passwords[user]), client: client)
                return try await client.execute(uri: uri, method: .get, headers: session.headers) {
                    String(buffer: $0.body)
                }
            }
            let olga = try await page("/work", as: "olga")
            #expect(olga.contains(#"data-campaign-id="cmp-new""#) && olga.contains("assign a specialist"))
            #expect(!olga.contains(#"data-campaign-id="cmp-appr""#))
            let sam = try await page("/work", as: "sam")
            #expect(!sam.contains("data-campaign-id="), "nothing waits for the specialist")
            let ana = try await page("/work", as: "ana")
            #expect(ana.contains(#"data-campaign-id="cmp-new""#) && ana.contains(#"data-campaign-id="cmp-appr""#))
            #expect(!ana.contains(#"data-campaign-id="cmp-own""#))
            let lena = try await page("/approvals", as: "lena")
            #expect(!lena.contains("data-campaign-id="), "lena approves nothing")
            let mia = try await page("/approvals", as: "mia")
            #expect(mia.contains(#"data-campaign-id="cmp-appr""#) && mia.contains("approval step marketing_lead"))
            #expect(!mia.contains(#"data-campaign-id="cmp-own""#), "mia requested cmp-own: she may not approve it")
            let miasWork = try await page("/work", as: "mia")
            #expect(
                miasWork.contains("approve step marketing_lead") && miasWork.contains(#"data-campaign-id="cmp-own""#))
        }
    }

    @Test func theCalendarIsAMonthGridFromMondayWithEachLaunch() async throws {
        let gateway = try await GatewayHarness.make()
        try await gateway.fold(campaign: "cmp-dec", [.submitted(GatewayHarness.request(title: "December launch"))])
        try await gateway.endpoint.application().test(.router) { client in
            let ana = try await DashboardSession.signIn(
                "ana", password: try #require(gateway.passwords["ana"]), client: client)
            let html = try await client.execute(uri: "/calendar?month=2026-12", method: .get, headers: ana.headers) {
                String(buffer: $0.body)
            }
            let days = html.components(separatedBy: #"data-day=""#).dropFirst().map { String($0.prefix(10)) }
            #expect(days.first == "2026-11-30", "December 2026 starts on a Tuesday: the grid starts the Monday before")
            #expect(days.last == "2027-01-03" && days.count == 35)
            let cell = try #require(html.range(of: #"data-day="2026-12-08""#))
            #expect(html[cell.upperBound...].prefix(200).contains(#"<a href="/campaigns/cmp-dec">December launch</a>"#))
            #expect(
                html.contains(#"href="/calendar?month=2026-11""#) && html.contains(#"href="/calendar?month=2027-01""#))
            let today = try await client.execute(uri: "/calendar", method: .get, headers: ana.headers) {
                String(buffer: $0.body)
            }
            let now = Day(containing: GatewayHarness.now, in: try #require(TimeZone(identifier: "UTC")))
            #expect(today.contains("Launch calendar \(now.iso.prefix(7))"), "without a month, the clock's")
            #expect(today.contains("aria-current=\"date\" data-day=\"\(now.iso)\""))
        }
    }

    @Test func theInlineCheckTakesTheTokenFromTheHeader() async throws {
        let gateway = try await GatewayHarness.make()
        try await gateway.endpoint.application().test(.router) { client in
            let ana = try await DashboardSession.signIn(
                "ana", password: try #require(gateway.passwords["ana"]), client: client)
            var headers = ana.formHeaders
            headers[Authenticator.csrfHeader] = ana.csrf
            try await client.execute(
                uri: "/requests/check", method: .post, headers: headers, body: Form.body([("title", "x")])
            ) { response in
                #expect(response.status == .ok)
                #expect((HTTP.json(response.body)["missing"] as? [[String: Any]])?.count == 6)
            }
        }
    }

    @Test func theEventStreamAnnouncesAFoldedCampaignAndBeatsTheHeart() async throws {
        let gateway = try await GatewayHarness.make()
        let routes = gateway.endpoint.routes.dashboard
        let dashboard = DashboardRoutes(
            store: routes.store, rules: routes.rules, clock: routes.clock, auth: routes.auth, sessions: routes.sessions,
            campaigns: routes.campaigns, qa: routes.qa, chat: routes.chat, inbox: routes.inbox, changes: routes.changes, ops: nil, heartbeat: .milliseconds(50),
            logger: routes.logger)
        let (frames, end) = dashboard.liveFrames(tail: false)
        var received = frames.makeAsyncIterator()
        #expect(await received.next()?.hasPrefix("retry: 3000\n") == true)
        try await gateway.fold(campaign: "cmp-live", [.submitted(GatewayHarness.request())])
        var seen: [String] = []
        while let frame = await received.next() {
            seen.append(frame)
            if seen.contains("event: campaign\ndata: cmp-live\n\n") && seen.contains(": heartbeat\n\n") { break }
        }
        #expect(seen.contains("event: campaign\ndata: cmp-live\n\n"))
        #expect(seen.contains(": heartbeat\n\n"))
        end.finish()
        while await received.next() != nil {}  // the stream ends when finished (graceful shutdown)
    }

    @Test func theEventsEndpointStreamsChangesOverHTTP() async throws {
        let gateway = try await GatewayHarness.make()
        try await gateway.endpoint.application().test(.live) { client in
            let ana = try await DashboardSession.signIn(
                "ana", password: try #require(gateway.passwords["ana"]), client: client)
            let stream = try EventStreamReader(
                port: try #require(client.port),
                request: "GET /events HTTP/1.1\r\nHost: localhost\r\nCookie: \(ana.cookie)\r\n\r\n")
            defer { stream.close() }
            let head = try await stream.read(until: ": connected")
            #expect(head.hasPrefix("HTTP/1.1 200"))
            #expect(head.lowercased().contains("content-type: text/event-stream"))
            try await gateway.fold(campaign: "cmp-http", [.submitted(GatewayHarness.request())])
            let all = try await stream.read(until: "data: cmp-http\n\n")
            #expect(all.contains("event: campaign\ndata: cmp-http\n\n"))
        }
    }

    @Test func staticFilesAreCacheableByETag() async throws {
        let gateway = try await GatewayHarness.make()
        try await gateway.endpoint.application().test(.router) { client in
            for (uri, type) in [
                ("/static/marquee.css", "text/css; charset=utf-8"),
                ("/static/live.js", "text/javascript; charset=utf-8"),
            ] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == type)
                let etag = try #require(response.headers[.eTag])
                try await client.execute(uri: uri, method: .get, headers: [.ifNoneMatch: etag]) { response in
                    #expect(response.status == .notModified)
                }
            }
        }
    }

    @Test func theOpsTailKeepsTheLatestRecordsNewestFirst() async throws {
        let gateway = try await GatewayHarness.make()
        let feed = OpsFeed(endpoints: nil, control: nil, store: gateway.store, logger: .quiet)
        var listening = feed.stream().makeAsyncIterator()
        for seq in 1...UInt64(OpsFeed.capacity + 5) {
            let payload = "{\"subject\":\"cmp-\(seq)\",\"source\":\"marquee/intake\"}"
            feed.record(Delivery(seq: seq, topic: "campaign.fact.submitted", payload: Array(payload.utf8)))
        }
        let recent = feed.recent()
        #expect(recent.count == OpsFeed.capacity)
        #expect(recent.first?.seq == UInt64(OpsFeed.capacity + 5) && recent.last?.seq == 6)
        #expect(recent.first?.text.contains("campaign.fact.submitted cmp-205 marquee/intake") == true)
        #expect(await listening.next()?.seq == 6, "a listener that falls behind keeps the newest records")
        let lag = await feed.lag()
        #expect(lag.head == nil && lag.problem == "no bus connection")
    }

    /// Folds `facts` of `id` as happening at `time`.
    private func fold(
        _ gateway: GatewayHarness, _ id: CampaignID, _ facts: [CampaignFact], at time: Date = GatewayHarness.now
    ) async throws {
        var campaign: Campaign?
        for (index, fact) in facts.enumerated() {
            let event = DomainEvent(campaignID: id, occurredAt: time, fact: fact)
            if var current = campaign {
                current.evolve(event)
                campaign = current
            } else {
                campaign = Campaign(replaying: [event])
            }
            let recorded = CampaignFactRecorded(event: event, version: index + 1, stage: campaign?.stage ?? .submitted)
            try await gateway.fold(
                AnyEnvelope(Envelope(id: UUID(), source: "marquee/test", time: time, data: recorded)))
        }
    }
}
