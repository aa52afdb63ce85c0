import Broker
import Logging
import ServiceLifecycle

/// Runs a `Broker` as a swift-service-lifecycle `Service`: ready line on start, clean stop on shutdown.
public struct BrokerService: Service {
    let broker: Broker
    let logger: Logger

    public init(broker: Broker, logger: Logger) {
        self.broker = broker
        self.logger = logger
    }

    public func run() async throws {
        let endpoints = try await broker.start()
        writeLine("marquee-bus ready ingress=\(endpoints.ingress) fanout=\(endpoints.fanout) control=\(endpoints.control) group=\(endpoints.group)")
        try await withGracefulShutdownHandler {
            try await broker.waitUntilStopped()
        } onGracefulShutdown: {
            broker.stop()
        }
    }
}
