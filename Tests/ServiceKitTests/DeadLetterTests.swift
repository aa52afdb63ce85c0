import Bus
import Contracts
import Foundation
import ServiceKit
import ServiceTestKit
import Testing

/// A message the consumer must dead-letter, published on `topic`.
struct BadInput: Sendable, CustomTestStringConvertible {
    var name: String
    var topic: String
    var bytes: Data
    var reason: DeadLetterReason

    var testDescription: String { name }

    static let triagedTopic = IntakeTriaged.topic.rawValue

    static var all: [BadInput] {
        get throws {
            let good = String(decoding: try Fixture.triaged(1).encoded(), as: UTF8.self)
            return [
                BadInput(name: "malformed JSON", topic: triagedTopic, bytes: Data(#"{"specversion": "1.0", "#.utf8),
                         reason: .malformedJSON),
                BadInput(
                    name: "unknown type", topic: "campaign.intake.unheard_of",
                    bytes: Data(good.replacingOccurrences(of: triagedTopic, with: "campaign.intake.unheard_of").utf8),
                    reason: .unknownType),
                BadInput(
                    name: "schema violation", topic: triagedTopic,
                    bytes: Data(good.replacingOccurrences(of: #""hold_count":0"#, with: #""hold_count":"none""#).utf8),
                    reason: .schemaViolation),
                BadInput(name: "handler rejection", topic: triagedTopic,
                         bytes: try Fixture.triaged(1, holdCount: 99).encoded(), reason: .handlerRejected),
            ]
        }
    }
}

@Suite struct DeadLetterTests {
    @Test(arguments: try BadInput.all)
    func badInputIsDeadLetteredAndTheConsumerGoesOn(_ bad: BadInput) async throws {
        let broker = try await TestBroker.start()
        let files = try TestStore()
        let input = try Publisher(ingress: broker.endpoints.ingress, logger: .quiet)
        let output = try Publisher(ingress: broker.endpoints.ingress, logger: .quiet)
        let store = try files.open()
        let consumer = Running(Fixture.consumer(store: store, broker: broker))
        let relay = Running(Fixture.relay(store: store, publisher: output))

        let badSeq = try await input.publishRaw(bad.bytes, topic: bad.topic)
        let goodSeq = try await input.publish(Fixture.triaged(2))
        try await store.waitForInbox(goodSeq)
        try await store.waitForEmptyOutbox()
        try await relay.stop()
        try await consumer.stop()

        // The rejected handler's effect and emitted event were rolled back; the next event was handled.
        #expect(try await Effect.all(in: store).map(\.campaignID) == ["cmp-2"])
        let rows = try await StoredOutboxRow.all(in: store)
        #expect(rows.map(\.topic) == ["deadletter.\(bad.topic)", "campaign.assigned"])
        let letter = try #require(try EventCatalog.marquee.decode(rows[0].payload).typed(as: DeadLetter.self)).data
        #expect(letter.reason == bad.reason)
        #expect(letter.seq == badSeq)
        #expect(letter.originalTopic.rawValue == bad.topic)
        #expect(!letter.detail.isEmpty)
        let journal = try await broker.journal(prefix: "deadletter.")
        #expect(journal.count == 1)
        #expect(journal.first.map { Data($0.payload) } == rows[0].payload)

        await input.close()
        await output.close()
        try await broker.stop()
        try files.remove()
    }
}
