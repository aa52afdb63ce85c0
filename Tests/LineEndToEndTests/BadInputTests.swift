import Bus
import Contracts
import Domain
import Foundation
import LineEndToEndSupport
import Logging
import Synchronization
import Testing

/// Garbage on the line's topics: dead letters or typed rejections, and the stations keep working.
@Suite("LineEndToEnd: bad input", .serialized)
struct BadInputTests {
    final class Seen: Sendable {
        let records = Mutex<[(seq: UInt64, envelope: AnyEnvelope)]>([])

        func letters(for seq: UInt64) -> [DeadLetter] {
            records.withLock { $0.compactMap { $0.envelope.typed(as: DeadLetter.self)?.data } }.filter { $0.seq == seq }
        }

        func rejection(of id: UUID) -> CommandRejected? {
            records.withLock { $0.compactMap { $0.envelope.typed(as: CommandRejected.self)?.data } }
                .first { $0.commandID == id }
        }

        /// The facts stations decided for `campaign` (not the forged ones this test publishes).
        func facts(of campaign: CampaignID) -> [CampaignFactRecorded] {
            records.withLock { $0.filter { $0.envelope.header.source != "marquee/e2e-bad" } }
                .compactMap { $0.envelope.typed(as: CampaignFactRecorded.self)?.data }
                .filter { $0.event.campaignID == campaign }
        }
    }

    static func eventually(_ seconds: Double = 20, _ condition: () -> Bool) async -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline, !Task.isCancelled {
            if condition() { return true }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return condition()
    }

    /// A CloudEvents envelope as raw JSON with any `data`.
    static func rawEnvelope(type: String, data: String) -> [UInt8] {
        Array("""
            {"specversion":"1.0","id":"\(UUID().uuidString.lowercased())","source":"marquee/e2e-bad","type":"\(type)",\
            "time":"2026-03-02T08:00:00.000Z","datacontenttype":"application/json","subject":"cmp-bad-1","data":\(data)}
            """.utf8)
    }

    @Test("malformed, mistyped, unknown and out-of-order input: dead letters and rejections; the line goes on")
    func badInput() async throws {
        let cluster = try LineCluster(clock: LineModel.start)
        defer { cluster.killAll() }
        try await cluster.startAll()
        var logger = Logger(label: "marquee.e2e.bad")
        logger.logLevel = .warning
        let endpoints = BusEndpoints(ingress: cluster.ingress, fanout: cluster.fanout, control: cluster.control, group: cluster.group)
        let publisher = try Publisher(bus: endpoints, logger: logger)
        let subscriber = try Subscriber(
            endpoints: endpoints, prefixes: ["campaign.", "deadletter."], from: .seq(1), logger: logger)
        let seen = Seen()
        let reader = Task {
            for try await delivery in subscriber {
                if let envelope = try? EventCatalog.marquee.decode(Data(delivery.payload), topic: delivery.topic) {
                    seen.records.withLock { $0.append((delivery.seq, envelope)) }
                }
            }
        }
        defer {
            subscriber.close()
            reader.cancel()
        }
        func publish<E: Event>(_ event: E, id: UUID = UUID()) async throws -> UUID {
            _ = try await publisher.publish(Envelope.make(event, source: "marquee/e2e-bad", id: id, now: LineModel.start))
            return id
        }
        func command(_ command: CampaignCommand, for campaign: CampaignID = "cmp-bad-1") async throws -> UUID {
            try await publish(CampaignCommandIssued(campaignID: campaign, command: command))
        }

        // A real campaign to aim at.
        let scenario = LineScenario.generate(count: 1)[0]
        let campaign: CampaignID = "cmp-bad-1"
        _ = try await publish(RequestSubmitted(campaignID: campaign, request: scenario.request(complete: true)))
        #expect(await Self.eventually { seen.facts(of: campaign).count == 2 })

        // Dead letters: one per broken record (each station reading the topic may write one).
        let broken: [(topic: String, payload: [UInt8], reason: DeadLetterReason)] = [
            ("campaign.command.start_build", Array("{not json".utf8), .malformedJSON),
            ("campaign.command.start_build",
             Self.rawEnvelope(type: "campaign.command.start_build", data: #"{"campaign_id":42,"command":{"type":"start_build"}}"#),
             .schemaViolation),
            ("campaign.command.assign",
             Self.rawEnvelope(type: "campaign.command.assign", data: #"{"campaign_id":"cmp-bad-1","command":{"type":"assign","specialist":["sam"]}}"#),
             .schemaViolation),
            ("campaign.fact.exploded", Self.rawEnvelope(type: "campaign.fact.exploded", data: "{}"), .unknownType),
            ("campaign.command.teleport", Self.rawEnvelope(type: "campaign.command.teleport", data: "{}"), .unknownType),
            ("campaign.request.teleported", Self.rawEnvelope(type: "campaign.request.teleported", data: "{}"), .unknownType),
            ("campaign.command.assign",
             Self.rawEnvelope(type: "campaign.command.cancel", data: #"{"campaign_id":"cmp-bad-1","command":{"type":"cancel","reason":"x"}}"#),
             .topicMismatch),
        ]
        var brokenSeqs: [(UInt64, DeadLetterReason, String)] = []
        for record in broken {
            let seq = try await publisher.publish(topic: record.topic, payload: record.payload, id: UUID().uuidString.lowercased())
            brokenSeqs.append((seq, record.reason, record.topic))
        }
        // Facts out of order: a version far ahead for a known campaign, a late version of an unknown one.
        let gapFact = CampaignFactRecorded(
            event: DomainEvent(campaignID: campaign, occurredAt: LineModel.start, fact: .buildStarted), version: 9, stage: .building)
        let ghostFact = CampaignFactRecorded(
            event: DomainEvent(campaignID: "cmp-ghost", occurredAt: LineModel.start, fact: .buildStarted), version: 3,
            stage: .building)
        for fact in [gapFact, ghostFact] {
            let seq = try await publisher.publish(Envelope.make(fact, source: "marquee/e2e-bad", now: LineModel.start))
            brokenSeqs.append((seq, .handlerRejected, "campaign.fact.build_started"))
        }
        for (seq, reason, topic) in brokenSeqs {
            let arrived = await Self.eventually { !seen.letters(for: seq).isEmpty }
            #expect(arrived, "no dead letter for \(topic) at seq \(seq)")
            let letters = seen.letters(for: seq)
            #expect(letters.allSatisfy { $0.reason == reason && $0.originalTopic.rawValue == topic },
                    "\(topic): \(letters.map { "\($0.reason.rawValue) \($0.detail)" })")
        }

        // Typed rejections: out-of-order commands, the wrong people, unknown and duplicate campaigns.
        let refused: [(UUID, String)] = [
            (try await command(.approveAsRequester(by: "ana")), "not_allowed"),
            (try await command(.decideApproval(ApprovalDecision(step: "marketing_lead", approver: "mia", verdict: .approved, documents: []))), "not_allowed"),
            (try await command(.recordQA(QAVerdict(reviewer: "quinn", outcome: .passed, documents: []))), "not_allowed"),
            (try await command(.close), "not_allowed"),
            (try await command(.assign(specialist: "leo")), "missing_role"),
            (try await command(.startBuild, for: "cmp-nobody"), "unknown_campaign"),
            (try await publish(RequestSubmitted(campaignID: campaign, request: scenario.request(complete: true))), "duplicate_campaign"),
        ]
        for (id, code) in refused {
            #expect(await Self.eventually { seen.rejection(of: id) != nil }, "no rejection for \(code)")
            #expect(seen.rejection(of: id)?.code == code, "\(String(describing: seen.rejection(of: id)))")
        }

        // Still running and healthy, and the campaign still moves.
        for station in LineStation.allCases {
            #expect(cluster.stations[station]!.isRunning, "\(station) stopped: \(cluster.stations[station]!.stderrTail())")
            #expect(cluster.health(station)?.status == "ok", "\(station) health: \(String(describing: cluster.health(station)))")
        }
        _ = try await command(.assign(specialist: "sam"))
        _ = try await command(.startBuild)
        #expect(await Self.eventually { seen.facts(of: campaign).count == 4 })
        #expect(seen.facts(of: campaign).map(\.event.fact.type) == [.submitted, .triaged, .specialistAssigned, .buildStarted])
        #expect(seen.facts(of: campaign).map(\.version) == [1, 2, 3, 4])
        await publisher.close()
        await cluster.shutdown()
    }
}
