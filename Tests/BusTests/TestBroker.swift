import Broker
import Bus
import Foundation
import Logging

/// A broker on loopback with free ports and a temp journal, restartable on the same ports and data.
final class TestBroker: Sendable {
    let directory: String
    let broker: Broker
    let endpoints: BusEndpoints
    let configuration: BrokerConfiguration

    static var quietLogger: Logger {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        return logger
    }

    static func start(
        directory: String? = nil, configure: (inout BrokerConfiguration) -> Void = { _ in }
    ) async throws -> TestBroker {
        let directory = directory ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("marquee-bus-\(UUID().uuidString)").path
        var configuration = BrokerConfiguration(
            ingressEndpoint: "tcp://127.0.0.1:*", fanoutEndpoint: "tcp://127.0.0.1:*",
            controlEndpoint: "tcp://127.0.0.1:*", groupEndpoint: "tcp://127.0.0.1:*", journalDirectory: directory,
            headIntervalMilliseconds: 100)
        // No fsync: these brokers test the protocol, and a process crash loses nothing written. On a loaded CI
        // disk fsync stalls ran to seconds, long enough for a worker's leases to expire under it.
        configuration.journal.flush = .os
        configure(&configuration)
        return try await TestBroker(directory: directory, configuration: configuration)
    }

    private init(directory: String, configuration: BrokerConfiguration) async throws {
        self.directory = directory
        broker = try Broker(configuration: configuration, logger: Self.quietLogger)
        let bound = try await broker.start()
        endpoints = BusEndpoints(ingress: bound.ingress, fanout: bound.fanout, control: bound.control, group: bound.group)
        var fixed = configuration
        fixed.ingressEndpoint = bound.ingress
        fixed.fanoutEndpoint = bound.fanout
        fixed.controlEndpoint = bound.control
        fixed.groupEndpoint = bound.group
        self.configuration = fixed
    }

    /// Stops this broker and starts a new one on the same ports and journal.
    func restart() async throws -> TestBroker {
        try await stop()
        return try await TestBroker(directory: directory, configuration: configuration)
    }

    func stop() async throws {
        broker.stop()
        try await broker.waitUntilStopped()
    }

    func removeData() {
        try? FileManager.default.removeItem(atPath: directory)
    }
}

/// Collects `count` deliveries from a subscriber (or fewer if it ends).
func collect(_ subscriber: Subscriber, count: Int) async throws -> [Delivery] {
    var deliveries: [Delivery] = []
    for try await delivery in subscriber {
        deliveries.append(delivery)
        if deliveries.count == count { break }
    }
    return deliveries
}
