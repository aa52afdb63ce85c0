import Broker
import Bus
import Foundation
import Testing

@Suite(.timeLimit(.minutes(2))) struct BusRoundTripTests {
    let logger = TestBroker.quietLogger

    @Test func publishesAreAckedWithConsecutiveSeqsAndReachASubscriberInOrder() async throws {
        let bus = try await TestBroker.start()
        defer { bus.removeData() }
        let publisher = try Publisher(ingress: bus.endpoints.ingress, logger: logger)
        let seqs = try await withThrowingTaskGroup(of: (Int, UInt64).self) { group in
            for index in 0..<500 {
                group.addTask {
                    (index, try await publisher.publish(topic: "campaign.intake.held", payload: Array("\(index)".utf8), id: "id-\(index)"))
                }
            }
            return try await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
        }
        #expect(Set(seqs.values) == Set(1...500))
        let subscriber = try Subscriber(endpoints: bus.endpoints, from: .seq(1), logger: logger)
        let deliveries = try await collect(subscriber, count: 500)
        #expect(deliveries.map(\.seq) == Array(1...500))
        for delivery in deliveries {
            let index = try #require(seqs.first { $0.value == delivery.seq }?.key)
            #expect(delivery.payload == Array("\(index)".utf8))
        }
        subscriber.close()
        await publisher.close()
        try await bus.stop()
    }

    @Test func aRepeatedIDGetsTheOriginalSeqAndIsStoredOnce() async throws {
        let bus = try await TestBroker.start()
        defer { bus.removeData() }
        let publisher = try Publisher(ingress: bus.endpoints.ingress, logger: logger)
        let first = try await publisher.publish(topic: "campaign.assigned", payload: [1], id: "same")
        _ = try await publisher.publish(topic: "campaign.assigned", payload: [2], id: "other")
        let again = try await publisher.publish(topic: "campaign.assigned", payload: [1], id: "same")
        #expect(again == first)
        let control = try BusControl(endpoint: bus.endpoints.control, logger: logger)
        #expect(try await control.ping().head == 2)
        // The window survives a restart: it is rebuilt from the journal.
        let restarted = try await bus.restart()
        #expect(try await publisher.publish(topic: "campaign.assigned", payload: [1], id: "same") == first)
        #expect(try await control.ping().head == 2)
        await publisher.close()
        try await restarted.stop()
    }

    @Test(arguments: [
        ("Campaign.Upper", "bad_topic"), ("_bus.head", "bad_topic"), ("", "bad_topic"), ("campaign held", "bad_topic"),
        (String(repeating: "a", count: 256), "bad_topic"),
    ])
    func badTopicsAreRefusedWithTheirCode(_ topic: String, _ code: String) async throws {
        let bus = try await TestBroker.start()
        defer { bus.removeData() }
        let publisher = try Publisher(ingress: bus.endpoints.ingress, logger: logger)
        await #expect(throws: BusError.self) { try await publisher.publish(topic: topic, payload: [], id: "x") }
        do {
            _ = try await publisher.publish(topic: topic, payload: [], id: "y")
        } catch let BusError.refused(refusedCode, sentence) {
            #expect(refusedCode == code)
            #expect(!sentence.isEmpty)
        }
        // The broker keeps serving good publishes.
        #expect(try await publisher.publish(topic: "campaign.assigned", payload: [], id: "ok") == 1)
        await publisher.close()
        try await bus.stop()
    }

    @Test func oversizeAndBadIDsAreRefused() async throws {
        let bus = try await TestBroker.start { $0.maxMessageBytes = 1000 }
        defer { bus.removeData() }
        let publisher = try Publisher(ingress: bus.endpoints.ingress, logger: logger)
        await #expect(throws: BusError.refused(code: "too_large", sentence: "the payload has 1001 bytes; the limit is 1000")) {
            try await publisher.publish(topic: "campaign.assigned", payload: Array(repeating: 1, count: 1001), id: "big")
        }
        await #expect(throws: BusError.self) {
            try await publisher.publish(topic: "campaign.assigned", payload: [], id: String(repeating: "i", count: 65))
        }
        #expect(try await publisher.publish(topic: "campaign.assigned", payload: Array(repeating: 1, count: 1000), id: "fits") == 1)
        await publisher.close()
        try await bus.stop()
    }

    @Test func replayFiltersByPrefixAndReportsHowFarItScanned() async throws {
        let bus = try await TestBroker.start()
        defer { bus.removeData() }
        let publisher = try Publisher(ingress: bus.endpoints.ingress, logger: logger)
        for index in 1...30 {
            let topic = index % 3 == 0 ? "qa.check.done" : "campaign.assigned"
            _ = try await publisher.publish(topic: topic, payload: Array("\(index)".utf8), id: "r\(index)")
        }
        let control = try BusControl(endpoint: bus.endpoints.control, logger: logger)
        let page = try await control.replay(from: 4, prefix: "qa.", limit: 3)
        #expect(page.records.map(\.seq) == [6, 9, 12])
        #expect(page.through == 12)
        #expect(page.head == 30)
        #expect(page.first == 1)
        let rest = try await control.replay(from: page.through + 1, prefix: "qa.", limit: 100)
        #expect(rest.records.map(\.seq) == [15, 18, 21, 24, 27, 30])
        #expect(rest.through == 30)
        let empty = try await control.replay(from: 31, prefix: "", limit: 100)
        #expect(empty.records.isEmpty)
        #expect(empty.through == 30)
        await publisher.close()
        try await bus.stop()
    }

    @Test func aPrefixSubscriberGetsOnlyItsTopicsExactlyOnceAmidOtherTraffic() async throws {
        let bus = try await TestBroker.start()
        defer { bus.removeData() }
        let publisher = try Publisher(ingress: bus.endpoints.ingress, logger: logger)
        let subscriber = try Subscriber(endpoints: bus.endpoints, prefixes: ["qa."], from: .seq(1), logger: logger)
        for index in 1...300 {
            let topic = index % 4 == 0 ? "qa.check.done" : "campaign.assigned"
            _ = try await publisher.publish(topic: topic, payload: [], id: "p\(index)")
        }
        let deliveries = try await collect(subscriber, count: 75)
        #expect(deliveries.map(\.seq) == stride(from: 4, through: 300, by: 4).map { UInt64($0) })
        #expect(deliveries.allSatisfy { $0.topic == "qa.check.done" })
        subscriber.close()
        await publisher.close()
        try await bus.stop()
    }

    @Test func aLiveSubscriberStartsAfterTheCurrentHead() async throws {
        let bus = try await TestBroker.start()
        defer { bus.removeData() }
        let publisher = try Publisher(ingress: bus.endpoints.ingress, logger: logger)
        for index in 1...5 { _ = try await publisher.publish(topic: "campaign.assigned", payload: [], id: "old\(index)") }
        let subscriber = try Subscriber(endpoints: bus.endpoints, from: .live, logger: logger)
        let control = try BusControl(endpoint: bus.endpoints.control, logger: logger)
        // Wait until the subscriber has learnt the head, then publish.
        while subscriber.nextSeq != 6 { try await Task.sleep(for: .milliseconds(10)) }
        _ = try await control.ping()
        _ = try await publisher.publish(topic: "campaign.assigned", payload: [], id: "new")
        let deliveries = try await collect(subscriber, count: 1)
        #expect(deliveries.map(\.seq) == [6])
        subscriber.close()
        await publisher.close()
        try await bus.stop()
    }
}
