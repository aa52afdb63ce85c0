import Assistant
import AssistantService
import Contracts
import Domain
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Library
import Logging
import ServiceKit
import Testing

let noon = Date(timeIntervalSince1970: 1_770_724_800)  // 2026-02-10 12:00 UTC, a Tuesday

let springSale = CampaignRequest(
    title: "Spring Sale", requester: "ana", objective: .conversion, type: .productLaunch,
    brief: Brief(
        goal: "Get 500 trial sign-ups", audience: "Small agencies", keyMessage: "Setup in five minutes",
        channels: [.email, .instagram], budget: Money(amountMinor: 1_200_000, currency: "EUR"),
        launchDate: Day(year: 2026, month: 3, day: 3)))

/// A desk over a fresh store in a temporary directory, with cmp-1 (Spring Sale) submitted on the bus.
struct Harness {
    let store: ServiceStore
    let desk: AssistantDesk

    init() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("assistant-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = try ServiceStore(path: directory.appendingPathComponent("assistant.sqlite").path) { AssistantTables.register(&$0) }
        desk = AssistantDesk(store: store, templateOwner: "olga", rules: .builtIn, model: nil)
        try await desk.prepare(now: noon)
        try await fold(RequestSubmitted(campaignID: "cmp-1", request: springSale))
    }

    func fold<Payload: Event>(_ event: Payload) async throws {
        let envelope = AnyEnvelope(Envelope.make(event, source: "marquee/test", now: noon))
        try await store.write(source: "marquee/test", now: noon) { db, outbox in
            try AssistantFold().handle(envelope, in: db, outbox: &outbox, context: EventContext(seq: 1, now: noon, logger: Logger(label: "test")))
        }
    }

    func say(_ text: String, as user: UserID = "ana", roles: [Role] = [.requester], chat: String = "c1") async throws -> AssistantAnswer {
        try await desk.answer(AssistantMessage(user: user, roles: roles, conversationID: chat, text: text), now: noon)
    }

    /// Topics and payloads of everything the assistant put in its outbox, in order.
    func published() async throws -> [(topic: String, json: String)] {
        try await store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT topic, payload FROM outbox ORDER BY position").map { row in
                (topic: row["topic"] as String, json: String(decoding: row["payload"] as Data, as: UTF8.self))
            }
        }
    }
}

@Suite struct AssistantDeskTests {
    @Test func answersLineQuestionsFromTheFoldedCampaigns() async throws {
        let harness = try await Harness()
        #expect(try await harness.say("status of Spring Sale").reply == "Spring Sale (cmp-1) is submitted; launch March 3, 2026.")
        try await harness.fold(
            IntakeHeld(campaignID: "cmp-1", requester: "ana", campaignType: .productLaunch, missing: [.outline, .assetNeeds], holdCount: 1))
        #expect(
            try await harness.say("what is blocking Spring Sale?").reply
                == "Spring Sale is held in intake until the requester adds: outline, asset needs.")
        #expect(try await harness.say("who approves cmp-1").reply.hasPrefix("Spring Sale is approved by marketing_lead (Mia Rossi)"))
        #expect(try await harness.published().isEmpty)
    }

    @Test func aRequesterCompletesARequestThatIsPublishedAsThem() async throws {
        let harness = try await Harness()
        var last = AssistantAnswer(reply: "", intent: "")
        for message in [
            "other called Brand Refresh", "awareness", "Be known in DACH", "Agencies", "We are local",
            "email, launch in two weeks", "yes",
        ] {
            last = try await harness.say(message)
        }
        let campaign = try #require(last.campaignID)
        #expect(last.question == nil && last.reply.hasPrefix("Submitted \"Brand Refresh\""))
        let published = try await harness.published()
        #expect(published.map(\.topic) == ["campaign.request.submitted"])
        let envelope = try Envelope<RequestSubmitted>.decode(Data(published[0].json.utf8), topic: "campaign.request.submitted")
        #expect(envelope.data.campaignID == campaign)
        #expect(envelope.data.request.requester == "ana" && envelope.data.request.brief.launchDate == Day(year: 2026, month: 2, day: 24))
    }

    @Test func inAnOpenConversationFindIsAnAnswerAndLineQuestionsLeaveItOpen() async throws {
        let harness = try await Harness()
        _ = try await harness.say("other called Outreach")
        _ = try await harness.say("awareness")
        let goal = try await harness.say("find new customers in Austria")
        #expect(goal.intent == "intake" && goal.question == .slot(.field(.audience)))
        let status = try await harness.say("status of Spring Sale")
        #expect(status.intent == "status")
        let audience = try await harness.say("Agencies")
        #expect(audience.question == .slot(.field(.keyMessage)))
        #expect(try await harness.say("find escalation", chat: "other-chat").intent == "search")
    }

    @Test func draftsTheGoLiveAnnouncementAndListsWhatIsDue() async throws {
        let harness = try await Harness()
        let draft = try await harness.say("draft the go-live announcement for Spring Sale")
        #expect(draft.reply.hasPrefix("Subject: Spring Sale is live") && draft.reply.contains("went live on 2026-03-03"))
        #expect(try await harness.say("what's due this week?").reply == "Nothing is due this week.")
    }

    @Test func nobodyApprovesOrSubmitsThroughTheAssistantWithoutTheRole() async throws {
        let harness = try await Harness()
        let lead = try await harness.say("approve Spring Sale", as: "mia", roles: [.marketingLead, .requester])
        #expect(lead.intent == "decision" && lead.reply.hasPrefix("I can't approve"))
        let approver = try await harness.say("I need a product launch called X", as: "leo", roles: [.legal])
        #expect(approver.reply.hasPrefix("Only requesters can submit"))
        #expect(try await harness.published().isEmpty)
    }

    @Test func aMissingTemplateRaisesTheFlagAndLogsARequestToTheOwner() async throws {
        let harness = try await Harness()
        let answer = try await harness.say("give me the webinar template for Spring Sale")
        #expect(answer.reply == "The library has no webinar template. I flagged Spring Sale and I logged a request to its owner, olga.")
        let published = try await harness.published()
        #expect(published.map(\.topic) == ["library.template.missing"])
        let flag = try Envelope<TemplateMissing>.decode(Data(published[0].json.utf8), topic: "library.template.missing")
        #expect(flag.data.escalation.notifyUser == "olga" && flag.data.escalation.raiseFlag && flag.data.requestedBy == "ana")
        #expect(flag.subject == "cmp-1")
        let logged = try await LibraryStore(migrated: harness.store.pool, templateOwner: "olga").templateRequests()
        #expect(logged.map(\.name) == ["webinar"] && logged.map(\.campaignID) == ["cmp-1"])
    }

    @Test func aCampaignIsGivenItsBriefAndAssetsAreChecked() async throws {
        let harness = try await Harness()
        let brief = try await harness.say("give me the brief template for Spring Sale")
        #expect(brief.reply.contains("# Campaign Brief: Spring Sale (cmp-1)") && brief.campaignID == "cmp-1")
        let asset = try await harness.say("is hero.png ready for Instagram?")
        #expect(asset.reply.contains("1080x1080"))
        let wrong = try await harness.say("is hero.gif ready for Instagram?")
        #expect(wrong.reply.hasPrefix("No:"))
        #expect(try await harness.say("find escalation").reply.contains("SOP: SLAs and escalations"))
    }

    @Test func theHTTPEndpointAnswersAndRejectsBadBodies() async throws {
        let harness = try await Harness()
        let router = Router()
        AssistantRoutes(desk: harness.desk, clock: WallClock { noon }, logger: Logger(label: "test")).add(to: router)
        try await Application(router: router).test(.router) { client in
            try await client.execute(uri: "/assistant", method: .post, body: ByteBuffer(string: "{nope")) { response in
                #expect(response.status == .badRequest)
            }
            let body = #"{"user":"ana","roles":["requester"],"conversation_id":"x","text":"status of cmp-1"}"#
            try await client.execute(uri: "/assistant", method: .post, body: ByteBuffer(string: body)) { response in
                #expect(response.status == .ok)
                let answer = try JSONDecoder().decode(AssistantAnswer.self, from: Data(String(buffer: response.body).utf8))
                #expect(answer.intent == "status" && answer.reply.hasPrefix("Spring Sale (cmp-1)"))
            }
        }
    }

    @Test func withACallerTokenOnlyCallersPresentingItAreAnswered() async throws {
        let harness = try await Harness()
        let router = Router()
        AssistantRoutes(desk: harness.desk, clock: WallClock { noon }, callerToken: "s3cret", logger: Logger(label: "test"))
            .add(to: router)
        let body = ByteBuffer(string: #"{"user":"mia","roles":["marketing_lead"],"conversation_id":"x","text":"status of cmp-1"}"#)
        try await Application(router: router).test(.router) { client in
            for presented in [nil, "Bearer wrong!", "Bearer s3cre", "s3cret"] as [String?] {
                let headers: HTTPFields = presented.map { [.authorization: $0] } ?? [:]
                try await client.execute(uri: "/assistant", method: .post, headers: headers, body: body) { response in
                    #expect(response.status == .unauthorized, "\(presented ?? "no header")")
                    #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
                    #expect(String(buffer: response.body).contains(#""status":401"#))
                }
            }
            try await client.execute(uri: "/assistant", method: .post, headers: [.authorization: "Bearer s3cret"], body: body) { response in
                #expect(response.status == .ok)
            }
        }
    }
}
