import Broker
import Bus
import BusProtocol
import Foundation
import Testing
import ZeroMQ

@Suite(.timeLimit(.minutes(2))) struct CurveBrokerTests {
    let logger = SecureBroker.quietLogger

    static let clients: [(name: String, prefixes: [String], sources: ClientIdentity.Sources?)] = [
        ("intake", ["campaign.intake.", "campaign.request."], nil),
        ("build", ["campaign.build."], nil),
        ("ops", [""], .any),
        ("dashboard", [], nil),
    ]

    @Test func anAllowedPublishIsStoredAndItsJournalRecordCarriesTheIdentity() async throws {
        let bus = try await SecureBroker.start(Self.clients)
        defer { bus.removeData() }
        let publisher = try Publisher(bus: try bus.endpoints(as: "intake"), logger: logger)
        let seq = try await publisher.publish(topic: "campaign.intake.held", payload: envelope(source: "marquee/intake"), id: "a-1")
        let ops = try Publisher(bus: try bus.endpoints(as: "ops"), logger: logger)
        let opsSeq = try await ops.publish(topic: "qa.passed", payload: envelope(source: "marquee/cli"), id: "a-2")
        #expect(seq == 1)
        #expect(opsSeq == 2)
        let subscriber = try Subscriber(endpoints: try bus.endpoints(as: "dashboard"), from: .seq(1), logger: logger)
        let deliveries = try await collectDeliveries(subscriber, count: 2)
        #expect(deliveries.map(\.topic) == ["campaign.intake.held", "qa.passed"])
        #expect(deliveries.map(\.identity) == [nil, nil])
        let control = try BusControl(bus: try bus.endpoints(as: "dashboard"), logger: logger)
        #expect(try await control.replay(from: 1, identities: true).records.map(\.identity) == ["intake", "ops"])
        #expect(try await control.replay(from: 1).records.map(\.identity) == [nil, nil])
        control.close()
        subscriber.close()
        await publisher.close()
        await ops.close()
        let records = try await bus.stopAndReadJournal()
        #expect(records.map(\.identity) == ["intake", "ops"])
        #expect(records.map(\.topic) == ["campaign.intake.held", "qa.passed"])
    }

    @Test func aPublishOutsideTheIdentitysPrefixesIsForbiddenAndNotStored() async throws {
        let bus = try await SecureBroker.start(Self.clients)
        defer { bus.removeData() }
        let publisher = try Publisher(bus: try bus.endpoints(as: "intake"), logger: logger)
        let error = await #expect(throws: BusError.self) {
            _ = try await publisher.publish(topic: "qa.passed", payload: envelope(source: "marquee/intake"), id: "f-1")
        }
        guard case .refused(let code, let sentence) = error else { Issue.record("not a refusal: \(String(describing: error))"); return }
        #expect(code == BusWire.ErrorCode.forbidden.rawValue)
        #expect(sentence.contains("identity intake may not publish on topic qa.passed"))
        let readOnly = try Publisher(bus: try bus.endpoints(as: "dashboard"), logger: logger)
        await #expect(throws: BusError.self) {
            _ = try await readOnly.publish(topic: "campaign.intake.held", payload: envelope(source: "marquee/dashboard"), id: "f-2")
        }
        await publisher.close()
        await readOnly.close()
        #expect(try await bus.stopAndReadJournal().isEmpty)
    }

    @Test func aClientClaimingAnotherServicesSourceIsRefused() async throws {
        let bus = try await SecureBroker.start(Self.clients)
        defer { bus.removeData() }
        let publisher = try Publisher(bus: try bus.endpoints(as: "intake"), logger: logger)
        let error = await #expect(throws: BusError.self) {
            _ = try await publisher.publish(topic: "campaign.intake.held", payload: envelope(source: "marquee/build"), id: "s-1")
        }
        #expect(error == .refused(code: "forbidden", sentence: "identity intake may not publish as source marquee/build"))
        await #expect(throws: BusError.self) {
            _ = try await publisher.publish(topic: "campaign.intake.held", payload: Array("not json".utf8), id: "s-2")
        }
        let doubled = Array(#"{"source":"marquee/intake","data":1,"source":"marquee/build"}"#.utf8)
        await #expect(throws: BusError.self) {
            _ = try await publisher.publish(topic: "campaign.intake.held", payload: doubled, id: "s-3")
        }
        let stored = try await publisher.publish(topic: "campaign.intake.held", payload: envelope(source: "marquee/intake"), id: "s-4")
        #expect(stored == 1)
        await publisher.close()
        #expect(try await bus.stopAndReadJournal().map(\.identity) == ["intake"])
    }

    @Test func aClientWithAnUnknownKeyCannotConnectOrPublish() async throws {
        let bus = try await SecureBroker.start(Self.clients)
        defer { bus.removeData() }
        let stranger = try bus.endpoints(as: nil)
        // The handshake itself is refused: a monitored DEALER sees the ZAP handler's 400.
        let context = try Context()
        let dealer = try Socket(context, .dealer)
        try dealer.makeCurveClient(serverKey: bus.serverKeys.publicKey, keys: try #require(stranger.credentials).client)
        let monitor = try dealer.monitor(context: context)
        try dealer.connect(bus.bound.ingress)
        #expect(try waitForEvent(monitor, timeoutSeconds: 5) { $0.kind == .handshakeFailedAuth && $0.value == 400 })
        monitor.socket.close()
        dealer.close()
        // The Publisher keeps retrying and never gets an ack.
        let publisher = try Publisher(bus: stranger, logger: logger)
        let attempt = Task { try await publisher.publish(topic: "campaign.intake.held", payload: envelope(source: "marquee/intake"), id: "u-1") }
        try await Task.sleep(for: .seconds(2))
        await publisher.close()
        await #expect(throws: BusError.closed) { _ = try await attempt.value }
        // A client without CURVE at all gets nowhere either.
        let plain = try Publisher(ingress: bus.bound.ingress, logger: logger)
        let plainAttempt = Task { try await plain.publish(topic: "campaign.intake.held", payload: [1], id: "u-2") }
        try await Task.sleep(for: .milliseconds(500))
        await plain.close()
        await #expect(throws: BusError.closed) { _ = try await plainAttempt.value }
        #expect(try await bus.stopAndReadJournal().isEmpty)
    }

    @Test func controlAndQueueGroupsWorkOverCurve() async throws {
        let bus = try await SecureBroker.start(Self.clients)
        defer { bus.removeData() }
        let endpoints = try bus.endpoints(as: "intake")
        let publisher = try Publisher(bus: endpoints, logger: logger)
        for index in 0..<3 {
            _ = try await publisher.publish(topic: "campaign.intake.held", payload: envelope(source: "marquee/intake"), id: "g-\(index)")
        }
        let control = try BusControl(bus: try bus.endpoints(as: "dashboard"), logger: logger)
        #expect(try await control.ping().head == 3)
        #expect(try await control.replay(from: 1).records.count == 3)
        let worker = try GroupWorker(
            endpoint: endpoints.group, credentials: endpoints.credentials, group: "qa", prefix: "campaign.", id: "w-1", logger: logger)
        var seqs: [UInt64] = []
        for try await work in worker {
            try await worker.ack(work.seq)
            seqs.append(work.seq)
            if seqs.count == 3 { break }
        }
        #expect(seqs == [1, 2, 3])
        worker.close()
        control.close()
        await publisher.close()
        _ = try await bus.stopAndReadJournal()
    }
}

/// Collects `count` deliveries from a subscriber (or fewer if it ends).
func collectDeliveries(_ subscriber: Subscriber, count: Int) async throws -> [Delivery] {
    var deliveries: [Delivery] = []
    for try await delivery in subscriber {
        deliveries.append(delivery)
        if deliveries.count == count { break }
    }
    return deliveries
}

/// Reads monitor events until one matches, or the time runs out.
func waitForEvent(_ monitor: SocketMonitor, timeoutSeconds: Double, _ matches: (MonitorEvent) -> Bool) throws -> Bool {
    let deadline = Date().addingTimeInterval(timeoutSeconds)
    let poller = Poller()
    let item = poller.add(monitor.socket, .readable)
    while Date() < deadline {
        try poller.poll(timeoutMilliseconds: 100)
        guard poller.isReadable(item) else { continue }
        while let event = try monitor.receive(dontWait: true) {
            if matches(event) { return true }
        }
    }
    return false
}
