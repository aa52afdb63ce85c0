import BuildStation
import Contracts
import Domain
import Foundation
import IntakeStation
import Testing

@testable import StationKit

/// What intake and build add to the line: triage notices, documents and templates.
@Suite struct StationHooksTests {
    let start = at("2027-03-01T10:00:00+01:00")

    private func line(templates: [String] = []) throws -> (SimulatedLine, URL) {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("marquee-build-\(UUID().uuidString)")
        let library = data.appendingPathComponent("templates")
        for template in templates {
            let file = library.appendingPathComponent(template + ".html")
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("<html></html>".utf8).write(to: file)
        }
        let line = try SimulatedLine { station in
            switch station {
            case .intake: IntakeHooks()
            case .build: BuildHooks(dataDirectory: data.path, templatesDirectory: nil, rules: .builtIn)
            default: NoHooks()
            }
        }
        return (line, data)
    }

    @Test func intakeTellsTheRequesterExactlyWhatIsMissing() throws {
        let (line, _) = try line()
        var request = completeRequest()
        request.brief.budget = nil
        request.assetNeeds = []
        try line.publish(RequestSubmitted(campaignID: "cmp-1", request: request), at: start)
        try line.settle()
        let held = try #require(line.events(IntakeHeld.self).first?.data)
        #expect(held.missing == [.budget, .assetNeeds])
        #expect(held.requester == "ana")
        try line.publish(RequestResubmitted(campaignID: "cmp-1", request: completeRequest(), resubmission: 1), at: start.addingTimeInterval(60))
        try line.settle()
        #expect(line.events(IntakeTriaged.self).map(\.data.holdCount) == [1])
        #expect(try line.record("cmp-1", at: .build)?.confirmed.stage == .triaged)
    }

    @Test func aDocumentIsStoredByContentAndRevisesTheCampaignOncePerNewContent() throws {
        let (line, data) = try line(templates: ["email/launch"])
        try line.publish(RequestSubmitted(campaignID: "cmp-1", request: completeRequest()), at: start)
        try line.settle()
        try line.command(.assign(specialist: "sam"), "cmp-1", at: start.addingTimeInterval(60))
        try line.command(.startBuild, "cmp-1", at: start.addingTimeInterval(120))
        let html = Data("<html><body>Launch</body></html>".utf8)
        for offset in [180.0, 240] {  // the same bytes twice: one version
            try line.publish(
                DocumentSubmitted(campaignID: "cmp-1", document: "email-main", template: "email/launch", mediaType: "text/html", content: html, submittedBy: "sam"),
                at: start.addingTimeInterval(offset))
            try line.settle()
        }
        try line.publish(
            DocumentSubmitted(campaignID: "cmp-1", document: "email-main", mediaType: "text/html", content: Data("<html>v2</html>".utf8), submittedBy: "sam"),
            at: start.addingTimeInterval(300))
        try line.settle()
        let documents = try #require(try line.record("cmp-1", at: .build)?.confirmed.documents)
        #expect(documents.map(\.version) == [2])
        let revisions = line.facts(of: "cmp-1").compactMap { fact -> DocumentVersion? in
            if case .documentRevised(let version) = fact.event.fact { return version }
            return nil
        }
        #expect(revisions.map(\.version) == [1, 2])
        let first = try #require(revisions.first)
        let stored = data.appendingPathComponent("documents").appendingPathComponent(String(first.contentHash.rawValue.dropFirst(7)))
        #expect(FileManager.default.contents(atPath: stored.path) == html)
        #expect(line.events(EscalationRaised.self).isEmpty)
    }

    @Test func aDocumentFromAMissingTemplateRaisesTheFlagToItsOwner() throws {
        let (line, _) = try line(templates: ["email/launch"])
        try line.publish(RequestSubmitted(campaignID: "cmp-1", request: completeRequest()), at: start)
        try line.settle()
        try line.command(.assign(specialist: "sam"), "cmp-1", at: start.addingTimeInterval(60))
        try line.publish(
            DocumentSubmitted(campaignID: "cmp-1", document: "story", template: "instagram/story", mediaType: "image/png", content: Data([1, 2, 3]), submittedBy: "dora"),
            at: start.addingTimeInterval(120))
        try line.settle()
        let escalation = try #require(line.events(EscalationRaised.self).first?.data.escalation)
        #expect(escalation.reason == .missingTemplate)
        #expect(escalation.subject == "instagram/story")
        #expect(escalation.notifyUser == "sam")
        #expect(escalation.raiseFlag)
        // Revising in `assigned` is not allowed: the owner says why.
        #expect(line.rejections.map(\.code) == ["not_allowed"])
    }

    @Test func aDocumentForAnUnknownCampaignIsRefused() throws {
        let (line, _) = try line()
        try line.publish(
            DocumentSubmitted(campaignID: "cmp-9", document: "email-main", mediaType: "text/html", content: Data(), submittedBy: "sam"),
            at: start)
        try line.settle()
        #expect(line.deadLetters.map(\.station) == [.build])
    }
}
