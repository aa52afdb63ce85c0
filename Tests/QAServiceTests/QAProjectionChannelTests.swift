import Contracts
import Domain
import Foundation
import GRDB
import QAService
import ServiceKit
import Testing

/// The projection keeps the channels of each campaign's request, and the worker checks images against them.
@Suite struct QAProjectionChannelTests {
    typealias Core = QAWorkerCoreTests

    static func request(_ channels: [Channel]) -> CampaignRequest {
        CampaignRequest(title: "Spring", requester: "rita", type: .seasonal, brief: Brief(channels: channels))
    }

    static func channels(in store: ServiceStore) async throws -> [Channel] {
        try await store.pool.read { db in try QAStore.channels(of: Core.campaign, in: db) }
    }

    /// Submits `hero.jpg` (1200×900), revises it and requests QA at seq 10; returns the published report.
    static func check(_ store: ServiceStore) async throws -> QAReportReady {
        let image = QACheckerChannelTests.jpeg(width: 1200, height: 900)
        let version = DocumentVersion(document: "hero.jpg", version: 1, contentHash: QAStore.hash(image))
        try await Core.feed(
            store, DocumentSubmitted(campaignID: Core.campaign, document: "hero.jpg", mediaType: "image/jpeg", content: image,
                                     submittedBy: "sam"), seq: 5)
        try await Core.feed(store, Core.fact(.documentRevised(version), version: 5), seq: 6)
        try await Core.feed(store, Core.fact(.qaRequested, version: 6), seq: 10)
        let published = Core.Published()
        let (topic, payload) = try Core.request()
        _ = try await QAWorkerCore(store: store, worker: "qa-1").process(
            seq: 10, topic: topic, payload: payload, publish: published.publish)
        return try Envelope<QAReportReady>.decode(Data(try #require(published.all.first).payload)).data
    }

    @Test func theRequestsChannelsAreFoldedAndAResubmissionReplacesThem() async throws {
        let store = try Core.store()
        #expect(try await Self.channels(in: store) == [])
        try await Core.feed(store, Core.fact(.submitted(Self.request([.instagram, .email])), version: 1), seq: 1)
        #expect(try await Self.channels(in: store) == [.instagram, .email])
        try await Core.feed(store, Core.fact(.resubmitted(Self.request([.linkedin])), version: 3), seq: 2)
        #expect(try await Self.channels(in: store) == [.linkedin])
    }

    @Test func imagesAreCheckedAgainstTheCampaignsChannels() async throws {
        let store = try Core.store()
        try await Core.feed(store, Core.fact(.submitted(Self.request([.instagram])), version: 1), seq: 1)
        let report = try await Self.check(store)
        #expect(report.verdict == .failed)
        #expect(report.findings.map(\.rule) == ["asset.size-not-accepted"])
        #expect(report.findings.first?.message.contains("Instagram takes 1080×1080") == true)
    }

    @Test func withoutTheRequestImagesAreCheckedAsEmail() async throws {
        let report = try await Self.check(try Core.store())
        #expect(report.verdict == .passed && report.findings.isEmpty, "\(report.findings.map(\.message))")
    }
}
