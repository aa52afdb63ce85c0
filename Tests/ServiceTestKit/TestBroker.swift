import Broker
import Bus
import Foundation
import Logging

/// A broker in-process on loopback with free ports and a temp journal, for tests of services on the bus.
public final class TestBroker: Sendable {
    public let directory: String
    public let broker: Broker
    public let endpoints: BusEndpoints

    /// Starts a broker with a fresh journal.
    public static func start() async throws -> TestBroker {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("marquee-test-bus-\(UUID().uuidString)").path
        var configuration = BrokerConfiguration(
            ingressEndpoint: "tcp://127.0.0.1:*", fanoutEndpoint: "tcp://127.0.0.1:*",
            controlEndpoint: "tcp://127.0.0.1:*", groupEndpoint: "tcp://127.0.0.1:*", journalDirectory: directory,
            headIntervalMilliseconds: 100)
        // No fsync: these brokers test services over the protocol, and a process crash loses nothing written. On a
        // loaded CI disk fsync stalls ran to seconds.
        configuration.journal.flush = .os
        return try await TestBroker(directory: directory, configuration: configuration)
    }

    private init(directory: String, configuration: BrokerConfiguration) async throws {
        self.directory = directory
        broker = try Broker(configuration: configuration, logger: .quiet)
        let bound = try await broker.start()
        endpoints = BusEndpoints(ingress: bound.ingress, fanout: bound.fanout, control: bound.control)
    }

    /// Stops the broker and deletes its journal.
    public func stop() async throws {
        broker.stop()
        try await broker.waitUntilStopped()
        try FileManager.default.removeItem(atPath: directory)
    }

    /// Every stored record whose topic starts with `prefix`, read with REPLAY page by page.
    public func journal(prefix: String = "") async throws -> [Delivery] {
        let control = try BusControl(endpoint: endpoints.control, logger: .quiet)
        defer { control.close() }
        var records: [Delivery] = []
        var from: UInt64 = 1
        while true {
            let page = try await control.replay(from: from, prefix: prefix)
            records += page.records
            if page.through >= page.head { return records }
            from = page.through + 1
        }
    }
}

extension Logger {
    /// A logger that prints nothing below critical.
    public static var quiet: Logger {
        var logger = Logger(label: "marquee-tests")
        logger.logLevel = .critical
        return logger
    }
}
