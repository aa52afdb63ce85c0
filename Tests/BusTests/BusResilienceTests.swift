import Broker
import Bus
import Foundation
import Testing
import ZeroMQ

@Suite(.timeLimit(.minutes(3))) struct BusResilienceTests {
    let logger = TestBroker.quietLogger

    @Test func aPausedSubscriberLosesNothingWhenTheBrokerDropsForIt() async throws {
        let bus = try await TestBroker.start { $0.fanoutHighWaterMark = 100 }
        defer { bus.removeData() }
        let options = Subscriber.Options(bufferSize: 16, receiveHighWaterMark: 100)
        let subscriber = try Subscriber(endpoints: bus.endpoints, from: .seq(1), options: options, logger: logger)
        let publisher = try Publisher(ingress: bus.endpoints.ingress, logger: logger)
        let total = 20_000
        try await publishAll(publisher, count: total, prefix: "paused")
        let deliveries = try await collect(subscriber, count: total)
        #expect(deliveries.map(\.seq) == Array(1...UInt64(total)))
        subscriber.close()
        await publisher.close()
        try await bus.stop()
    }

    @Test func publishersAndSubscribersCarryOnAcrossABrokerRestart() async throws {
        var bus = try await TestBroker.start()
        defer { bus.removeData() }
        let subscriber = try Subscriber(endpoints: bus.endpoints, from: .seq(1), logger: logger)
        let publisher = try Publisher(
            ingress: bus.endpoints.ingress, options: .init(ackTimeoutMilliseconds: 500), logger: logger)
        try await publishAll(publisher, count: 2000, prefix: "before")
        let during = Task { try await publishAll(publisher, count: 2000, prefix: "during") }
        bus = try await bus.restart()
        try await during.value
        let deliveries = try await collect(subscriber, count: 4000)
        #expect(deliveries.map(\.seq) == Array(1...4000))
        #expect(Set(deliveries.map(\.payload)).count == 4000)
        subscriber.close()
        await publisher.close()
        try await bus.stop()
    }

    @Test func hostileFramesOnEveryEndpointLeaveTheAckedStreamIntact() async throws {
        let bus = try await TestBroker.start { $0.maxMessageBytes = 4096 }
        defer { bus.removeData() }
        let publisher = try Publisher(ingress: bus.endpoints.ingress, logger: logger)
        let hostile = Task.detached { try fireRandomFrames(at: bus.endpoints, messages: 10_000) }
        var acked: [UInt64: [UInt8]] = [:]
        for index in 0..<300 {
            let payload = Array("good-\(index)".utf8)
            acked[try await publisher.publish(topic: "campaign.assigned", payload: payload, id: "good-\(index)")] = payload
        }
        let hostilePublishes = try await hostile.value
        let control = try BusControl(endpoint: bus.endpoints.control, logger: logger)
        var replayed: [UInt64: [UInt8]] = [:]
        var from: UInt64 = 1
        while true {
            let page = try await control.replay(from: from, limit: 1000)
            for record in page.records { replayed[record.seq] = record.payload }
            if page.through >= page.head { break }
            from = page.through + 1
        }
        // Every acked publish is stored exactly as sent; anything else stored was a random message that
        // happened to be a valid publish (its ack may have been dropped: the test reads acks lazily).
        for (seq, payload) in acked { #expect(replayed[seq] == payload) }
        let others = replayed.filter { acked[$0.key] == nil }
        #expect(others.values.allSatisfy { hostilePublishes.contains($0) })
        await publisher.close()
        try await bus.stop()
    }

    private func publishAll(_ publisher: Publisher, count: Int, prefix: String) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<count {
                group.addTask {
                    _ = try await publisher.publish(topic: "campaign.assigned", payload: Array("\(prefix)-\(index)".utf8), id: "\(prefix)-\(index)")
                }
                if index % 500 == 499 { try await group.waitForAll() }
            }
            try await group.waitForAll()
        }
    }
}

/// Sends random multipart messages — wrong frame counts, empty and huge frames, random bytes — to the
/// ingress, control and fan-out endpoints. Returns the payloads of the three-frame messages sent to the
/// ingress: the only ones the broker may store.
private func fireRandomFrames(at endpoints: BusEndpoints, messages: Int) throws -> Set<[UInt8]> {
    var generator = SystemRandomNumberGenerator()
    let context = try Context()
    let ingress = try Socket(context, .dealer)
    try ingress.setReceiveHighWaterMark(0)
    let control = try Socket(context, .dealer)
    let fanout = try Socket(context, .xsubscribe)
    try ingress.connect(endpoints.ingress)
    try control.connect(endpoints.control)
    try fanout.connect(endpoints.fanout)
    let topics = ["campaign.assigned", "", "_bus.head", "x", "REPLAY", "campaign.intake.held"]
    func frame() -> [UInt8] {
        switch Int.random(in: 0..<10, using: &generator) {
        case 0: return []
        case 1: return Array(repeating: 0xFF, count: Int.random(in: 4000...10_000, using: &generator))
        case 2: return Array(topics.randomElement(using: &generator)!.utf8)
        case 3: return Array("REPLAY".utf8)
        default: return (0..<Int.random(in: 1...40, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
        }
    }
    var publishShaped: Set<[UInt8]> = []
    for index in 0..<messages {
        let frames = (0..<Int.random(in: 1...6, using: &generator)).map { _ in frame() }
        switch index % 3 {
        case 0:
            try ingress.send(multipart: frames)
            if frames.count == 3 { publishShaped.insert(frames[1]) }
        case 1: try control.send(multipart: frames)
        default: try fanout.send(multipart: frames)
        }
    }
    // Let the broker take everything in before the replay is compared.
    try ingress.setReceiveTimeout(milliseconds: 1000)
    while try ingress.receiveMultipart() != nil {}
    return publishShaped
}
