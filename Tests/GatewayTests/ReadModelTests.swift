import Contracts
import Domain
import Foundation
import GRDB
import ServiceKit
import Testing

@testable import GatewayService

/// The read model folds facts exactly as the stations do, keeps rejections and QA reports, and announces every
/// campaign it changed.
@Suite struct ReadModelTests {
    @Test func foldsFactsInVersionOrderIgnoringDuplicatesAndRefusingGaps() async throws {
        let gateway = try await GatewayHarness.make()
        let id: CampaignID = "cmp-1"
        var campaign: Campaign?
        let submitted = GatewayHarness.factEnvelope(id, .submitted(GatewayHarness.request()), version: 1, after: &campaign, causedBy: nil)
        let triaged = GatewayHarness.factEnvelope(id, .triaged(.assign(to: .specialist)), version: 2, after: &campaign, causedBy: nil)
        try await gateway.fold(submitted)
        try await gateway.fold(triaged)
        try await gateway.fold(triaged)  // a re-published fact
        let row = try #require(try await gateway.store.pool.read { db in try ReadModel.row(id, in: db) })
        #expect(row.version == 2 && row.campaign.stage == .triaged)
        #expect(row.slaDueAt == SLAClock(rules: GatewayHarness.rules).openDeadlines(of: row.campaign).first?.dueAt)
        #expect(row.slaDueAt != nil, "triaged waits on the assignment SLA")
        let versions = try await gateway.store.pool.read { db in try ReadModel.facts(of: id, in: db).map(\.version) }
        #expect(versions == [1, 2])

        let skipped = GatewayHarness.factEnvelope(id, .buildStarted, version: 4, after: &campaign, causedBy: nil)
        await #expect(throws: HandlerRejection.self) { try await gateway.fold(skipped) }
        var unknown: Campaign? = campaign
        let stray = GatewayHarness.factEnvelope("cmp-none", .buildStarted, version: 3, after: &unknown, causedBy: nil)
        await #expect(throws: HandlerRejection.self) { try await gateway.fold(stray) }
    }

    @Test func keepsRejectionsAndReportsAndAnnouncesChangedCampaigns() async throws {
        let gateway = try await GatewayHarness.make()
        var announced = gateway.changes.stream().makeAsyncIterator()
        try await gateway.fold(campaign: "cmp-2", [.submitted(GatewayHarness.request())])
        #expect(await announced.next() == "cmp-2")

        let command = AnyEnvelope(
            Envelope.make(CampaignCommandIssued(campaignID: "cmp-2", command: .startBuild), source: "test", now: GatewayHarness.now))
        try await gateway.fold(GatewayHarness.rejection(of: command, code: "not_allowed", stage: .submitted))
        #expect(await announced.next() == "cmp-2")
        let outcome = try await gateway.store.pool.read { db in try ReadModel.outcome(of: command.header.id, in: db) }
        guard case .rejected(let rejection) = outcome else { Issue.record("no rejection: \(outcome)"); return }
        #expect(rejection.code == "not_allowed")

        let report = QAReportReady(
            campaignID: "cmp-2", documents: [],
            findings: [.init(document: "email", rule: "link.empty-href", severity: "error", message: "empty link", fix: "add it")],
            worker: "qa-1")
        try await gateway.fold(AnyEnvelope(Envelope.make(report, source: "marquee/qa", now: GatewayHarness.now)))
        let reports = try await gateway.store.pool.read { db in try ReadModel.qaReports(of: "cmp-2", in: db) }
        #expect(reports == [report])
    }
}
