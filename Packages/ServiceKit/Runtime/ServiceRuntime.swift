import Bus
import CoreMetrics
import Foundation
import GRDB
import Logging
import Metrics
import Prometheus
import ServiceLifecycle
import Synchronization
import UnixSignals

/// What a service's `main.swift` starts from: its parsed flags, a logger, and the Prometheus registry behind
/// the process-wide metrics backend.
///
/// ```swift
/// let runtime = try ServiceRuntime.bootstrap(name: "intake")
/// let store = try runtime.openStore { migrator in IntakeStore.register(&migrator) }
/// let publisher = try Publisher(bus: runtime.options.bus, logger: runtime.logger)
/// let relay = OutboxRelay(service: "intake", store: store, publisher: publisher, logger: runtime.logger)
/// let consumer = EventConsumer(service: "intake", store: store, endpoints: runtime.options.bus,
///                              prefixes: ["campaign.request."], handler: handler, logger: runtime.logger)
/// let control = try BusControl(
///     endpoint: runtime.options.bus.control, timeoutMilliseconds: 1000, logger: runtime.logger)
/// try await runtime.run(relay, consumer, runtime.statusEndpoint(health: ServiceHealth(
///     service: "intake", store: store, control: control, logger: runtime.logger)))
/// ```
public struct ServiceRuntime: Sendable {
    /// The service name, e.g. `intake`.
    public let name: String
    /// The parsed flags.
    public let options: ServiceOptions
    /// The service's root logger (label `marquee-<name>`).
    public let logger: Logger
    /// The registry `/metrics` serves; every metric made through `MetricsSystem` lands here.
    public let registry: PrometheusCollectorRegistry

    /// The backends, bootstrapped once per process.
    private static let backends = Mutex<PrometheusCollectorRegistry?>(nil)

    /// Parses `arguments`, then bootstraps swift-log (``LineLogHandler`` on standard error) and swift-metrics
    /// (Prometheus) — once per process; later calls reuse them. Throws ``ServiceOptionsError``. With `--help`,
    /// prints ``ServiceOptions/help(name:flags:)`` (the service's own `flags` first) and exits with 0.
    public static func bootstrap(
        name: String, arguments: [String] = Array(CommandLine.arguments.dropFirst()), flags: [ServiceFlag] = []
    ) throws -> ServiceRuntime {
        let options: ServiceOptions
        do {
            options = try ServiceOptions.parse(arguments, name: name)
        } catch {
            guard error == .helpRequested else { throw error }
            print(ServiceOptions.help(name: name, flags: flags), terminator: "")
            exit(0)
        }
        let registry = backends.withLock { registry in
            if let registry { return registry }
            let made = PrometheusCollectorRegistry()
            let level = options.logLevel
            LoggingSystem.bootstrap { label in LineLogHandler(label: label, level: level) }
            MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: made))
            registry = made
            return made
        }
        var logger = Logger(label: "marquee-\(name)")
        logger.logLevel = options.logLevel
        return ServiceRuntime(name: name, options: options, logger: logger, registry: registry)
    }

    /// Where the service's database lives: `<data>/<name>.sqlite`.
    public var storePath: String {
        URL(fileURLWithPath: options.dataDirectory).appendingPathComponent("\(name).sqlite").path
    }

    /// Creates the data directory if needed and opens the store with the service's `migrations`.
    public func openStore(migrations: (inout DatabaseMigrator) -> Void = { _ in }) throws -> ServiceStore {
        try FileManager.default.createDirectory(atPath: options.dataDirectory, withIntermediateDirectories: true)
        return try ServiceStore(path: storePath, migrations: migrations)
    }

    /// The relay publishing `store`'s outbox through `publisher`, deleting published rows after `--outbox-keep-hours`.
    public func outboxRelay(store: ServiceStore, publisher: any EventPublishing) -> OutboxRelay {
        OutboxRelay(service: name, store: store, publisher: publisher, keepSent: options.outboxKeep, logger: logger)
    }

    /// The `/metrics` + `/health` endpoint on `--http`, printing `marquee-<name> ready http=HOST:PORT` to
    /// standard output once listening.
    public func statusEndpoint(health: ServiceHealth) -> StatusEndpoint {
        let name = name
        return StatusEndpoint(
            host: options.httpHost, port: options.httpPort, registry: registry, health: { await health.report() },
            onReady: { address in
                FileHandle.standardOutput.write(Data("marquee-\(name) ready http=\(address)\n".utf8))
            }, logger: logger)
    }

    /// Runs `services` as one `ServiceGroup`, started in order; SIGTERM or SIGINT shuts them down gracefully
    /// in reverse order. Returns when all have stopped; throws the error that ended one.
    public func run(_ services: any Service...) async throws {
        try await run(services)
    }

    /// ``run(_:)-(any Service...)`` with an array.
    public func run(_ services: [any Service]) async throws {
        var configuration = ServiceGroupConfiguration(
            services: services.map { ServiceGroupConfiguration.ServiceConfiguration(service: $0) },
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        configuration.maximumGracefulShutdownDuration = .seconds(10)
        try await ServiceGroup(configuration: configuration).run()
    }
}
