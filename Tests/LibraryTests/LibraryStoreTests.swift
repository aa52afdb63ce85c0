import Contracts
import Domain
import Foundation
import GRDB
import Library
import Testing

let noon = Date(timeIntervalSince1970: 1_770_724_800)

func openLibrary() throws -> LibraryStore {
    try LibraryStore(database: DatabaseQueue(), templateOwner: "olga")
}

let springSale = CampaignRequest(
    title: "Spring Sale", requester: "ana", objective: .conversion, type: .productLaunch,
    brief: Brief(
        goal: "Get 500 trial sign-ups", audience: "Small agencies", keyMessage: "Setup in five minutes",
        channels: [.email, .instagram], budget: Money(amountMinor: 1_250_005, currency: "EUR"),
        launchDate: Day(year: 2026, month: 3, day: 3)))

@Suite struct LibraryStoreTests {
    @Test func versionsAreContentAddressedWithARevisionLog() async throws {
        let library = try openLibrary()
        let first = try await library.save(
            path: "sop/retro", title: "Retro", kind: .sop, owner: "lena", body: "Log pain points.", author: "lena", at: noon,
            note: "first")
        let unchanged = try await library.save(
            path: "sop/retro", title: "Retro", kind: .sop, owner: "lena", body: "Log pain points.", author: "olga", at: noon,
            note: "no-op")
        let second = try await library.save(
            path: "sop/retro", title: "Retro", kind: .sop, owner: "lena", body: "Log pain points within a week.", author: "olga",
            at: noon.addingTimeInterval(60), note: "deadline")
        #expect(unchanged == nil)
        #expect(first?.hash == ContentHash(sha256Of: "Log pain points."))
        #expect(first?.hash.rawValue.hasPrefix("sha256:") == true && first?.hash.rawValue.count == 71)
        let log = try await library.revisions(of: "sop/retro")
        #expect(log.map(\.number) == [1, 2])
        #expect(log.map(\.author) == ["lena", "olga"])
        #expect(log.map(\.note) == ["first", "deadline"])
        #expect(try await library.document(at: "sop/retro")?.body == "Log pain points within a week.")
        #expect(try await library.document(at: "sop/retro")?.hash == second?.hash)
        #expect(try await library.body(of: first!.hash) == "Log pain points.")
    }

    @Test func searchRanksTitleHitsFirstAndOnlyIndexesTheCurrentVersion() async throws {
        let library = try openLibrary()
        try await library.installBuiltIns(at: noon)
        let hits = try await library.search("escalations")
        #expect(hits.first?.path == "sop/escalations")
        #expect(try await library.search("brief").first?.path == "template/campaign_brief")
        try await library.save(
            path: "sop/escalations", title: "SOP: SLAs", kind: .sop, owner: "lena", body: "Owners and turnarounds.",
            author: "lena", at: noon, note: "shorter")
        #expect(try await library.search("finance").isEmpty)
        #expect(try await library.search("turnarounds").map(\.path) == ["sop/escalations"])
    }

    @Test(arguments: ["\"", "NEAR(", "*", "title:", "AND OR NOT", "", "💥", String(repeating: "a ", count: 5_000)])
    func hostileSearchTextNeverThrows(_ text: String) async throws {
        let library = try openLibrary()
        try await library.installBuiltIns(at: noon)
        _ = try await library.search(text)
        _ = try await library.template(named: text)
    }

    @Test func builtInsInstallOnceAndKeepEdits() async throws {
        let library = try openLibrary()
        try await library.installBuiltIns(at: noon)
        try await library.save(
            path: "template/campaign_brief", title: "Campaign Brief", kind: .template, owner: "olga", body: "# {{title}}",
            author: "olga", at: noon, note: "shorter brief")
        try await library.installBuiltIns(at: noon)
        #expect(try await library.document(at: "template/campaign_brief")?.body == "# {{title}}")
        #expect(try await library.revisions(of: "template/campaign_brief").map(\.author) == ["marquee", "olga"])
    }

    @Test func aCampaignIsGivenItsBriefFromTheCurrentTemplate() async throws {
        let library = try openLibrary()
        try await library.installBuiltIns(at: noon)
        let handout = try await library.handOut(
            templateNamed: "brief", for: (id: "cmp-1", request: springSale), requestedBy: "ana", at: noon)
        guard case .rendered(let template, let text, let unfilled) = handout else {
            Issue.record("expected a rendered brief, got \(handout)")
            return
        }
        #expect(template.path == "template/campaign_brief")
        #expect(text.hasPrefix("# Campaign Brief: Spring Sale (cmp-1)"))
        #expect(text.contains("Budget: 12500.05 EUR · Launch date: 2026-03-03"))
        #expect(unfilled == ["outline"])
        #expect(text.contains("[missing: outline]"))
    }

    @Test func aMissingTemplateLogsARequestToTheOwner() async throws {
        let library = try openLibrary()
        try await library.installBuiltIns(at: noon)
        let handout = try await library.handOut(
            templateNamed: "webinar", for: (id: "cmp-1", request: springSale), requestedBy: "ana", at: noon)
        let expected = TemplateRequest(name: "webinar", campaignID: "cmp-1", requestedBy: "ana", owner: "olga", at: noon)
        #expect(handout == .missing(expected))
        #expect(try await library.templateRequests() == [expected])
        let flag = try #require(expected.escalation(rules: .builtIn))
        #expect(flag.reason == .missingTemplate && flag.raiseFlag && flag.logRequest)
        #expect(flag.notifyUser == "olga" && flag.subject == "webinar" && flag.campaignID == "cmp-1")
        let event = TemplateMissing(escalation: flag, requestedBy: "ana")
        let json = String(decoding: try MarqueeJSON.encoder().encode(event), as: UTF8.self)
        #expect(json.contains("\"requested_by\":\"ana\"") && json.contains("\"raise_flag\":true"))
        #expect(TemplateMissing.topic == "library.template.missing" && event.subject == "cmp-1")
    }

    @Test func aTemplateAskedWithoutACampaignIsOnlyLogged() async throws {
        let library = try openLibrary()
        let handout = try await library.handOut(templateNamed: "webinar", for: nil, requestedBy: "ana", at: noon)
        guard case .missing(let request) = handout else {
            Issue.record("expected a missing template")
            return
        }
        #expect(request.escalation(rules: .builtIn) == nil)
        #expect(try await library.templateRequests().count == 1)
    }
}

@Suite struct TemplateRendererTests {
    @Test func fillsPlaceholdersAndReportsMissingOnes() {
        let (text, unfilled) = TemplateRenderer.render(
            "Hi {{ name }}, {{title}} on {{date}}; {{date}} again {{ unclosed", fields: ["name": "Ana", "title": "Spring"])
        #expect(text == "Hi Ana, Spring on [missing: date]; [missing: date] again {{ unclosed")
        #expect(unfilled == ["date"])
    }
}
