import Contracts
import Domain
import Foundation
import Reporting
import ReportingFixtures
import Testing

/// Folding is a function of the journal: duplicates change nothing, gaps are refused, replay is identical.
@Suite struct ProjectionReplayTests {
    @Test func foldingEveryEventTwiceGivesTheSameLedger() throws {
        let once = try FixedHistory.ledger()
        var twice = InMemoryLedger()
        let fold = ReportingFold(rules: FixedHistory.rules)
        var outcomes: [ReportingFold.Outcome] = []
        for envelope in FixedHistory.envelopes {
            _ = try fold.apply(envelope, to: &twice)
            outcomes.append(try fold.apply(envelope, to: &twice))
        }
        #expect(twice.tracks == once.tracks)
        #expect(twice.qaFailures == once.qaFailures)
        #expect(twice.warnings == once.warnings)
        let facts = FixedHistory.envelopes.filter { $0.typed(as: CampaignFactRecorded.self) != nil }.count
        #expect(outcomes.filter { $0 == .duplicate }.count == facts)
    }

    @Test func aMissingVersionIsAGap() throws {
        var ledger = InMemoryLedger()
        let fold = ReportingFold(rules: FixedHistory.rules)
        let facts = FixedHistory.campaignB
        _ = try fold.apply(AnyEnvelope(Envelope.make(facts[0], source: "t")), to: &ledger)
        #expect(try fold.apply(AnyEnvelope(Envelope.make(facts[2], source: "t")), to: &ledger) == .gap(expected: 2))
        #expect(try fold.apply(AnyEnvelope(Envelope.make(FixedHistory.campaignA[1], source: "t")), to: &ledger)
            == .unknownCampaign(FixedHistory.a))
        #expect(ledger.tracks[FixedHistory.b]?.version == 1)
    }

    @Test func trackRebuildsTheCampaignAsTheStationsDo() throws {
        let track = try #require(try FixedHistory.ledger().tracks[FixedHistory.b])
        #expect(track.campaign == Campaign(replaying: FixedHistory.campaignB.map(\.event)))
        #expect(track.launchedAt == FixedHistory.at(20, 9))
        #expect(track.approvalWaits.map(\.step.id) == ["legal-review", "marketing-lead"])
        #expect(track.qaVerdicts.map(\.outcome) == [.failed, .passed])
    }
}
