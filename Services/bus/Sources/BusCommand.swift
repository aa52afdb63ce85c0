import ArgumentParser
import Broker
import Logging
import Prometheus
import ServiceKit
import ServiceLifecycle
import UnixSignals

/// `marquee-bus` / `marquee bus`: runs the broker until SIGTERM or SIGINT.
///
/// Prints one line `marquee-bus ready ingress=… fanout=… control=…` on standard output once the journal
/// is recovered and the sockets are bound, so supervisors and tests know when to connect.
public struct BusCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "bus", abstract: "Run the Marquee bus broker: durable, replayable pub/sub over ZeroMQ.")

    @Option(help: "Directory of the journal.")
    var data = "var/bus"

    @Option(help: "Ingress endpoint (publishers).")
    var ingress = "tcp://127.0.0.1:7701"

    @Option(help: "Fan-out endpoint (subscribers).")
    var fanout = "tcp://127.0.0.1:7702"

    @Option(help: "Control endpoint (replay, stats, ping).")
    var control = "tcp://127.0.0.1:7703"

    @Option(help: "Queue-group endpoint (workers).")
    var group = "tcp://127.0.0.1:7704"

    @Option(help: "When an ack is sent: 'fsync' (after fdatasync of the batch) or 'os' (after write to the OS).")
    var flush: FlushPolicy = .fsync

    @Option(name: .customLong("segment-mib"), help: "Segment file size in MiB.")
    var segmentMiB = 64

    @Option(name: .customLong("retention-mib"), help: "Delete the oldest segments past this many MiB in total (0 = keep all).")
    var retentionMiB = 0

    @Option(help: "Delete segments whose newest record is older than this many hours (0 = keep all).")
    var retentionHours = 0

    @Option(help: "Largest payload accepted, in bytes.")
    var maxMessageBytes = 1 << 20

    @Option(help: "How long publish ids are remembered for deduplication, in seconds.")
    var dedupeSeconds = 900

    @Option(help: "The security file (YAML): the broker's CURVE secret key and the clients allowed in (see docs/protocol.md).")
    var security: String?

    @Flag(help: "Serve plain TCP without CURVE: any process that reaches the endpoints may publish. Development only.")
    var insecure = false

    @Option(help: "Serve /metrics (Prometheus) and /health on HOST:PORT (port 0: a free one); off by default.")
    var http: HTTPAddress?

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level = .info

    public init() {}

    public func validate() throws {
        guard security == nil || !insecure else { throw ValidationError("give --security FILE or --insecure, not both") }
        guard segmentMiB > 0 else { throw ValidationError("--segment-mib must be positive") }
        guard retentionMiB >= 0, retentionHours >= 0 else { throw ValidationError("retention limits cannot be negative") }
        guard maxMessageBytes > 0, maxMessageBytes <= BrokerConfiguration.maxMessageBytesLimit else {
            throw ValidationError("--max-message-bytes must be between 1 and \(BrokerConfiguration.maxMessageBytesLimit)")
        }
    }

    public func run() async throws {
        try await serve()
    }

    /// Runs the broker with these options until SIGTERM or SIGINT (what `run()` does; callable from a
    /// plain `main.swift`, where `run()` would resolve to ArgumentParser's synchronous default).
    public func serve() async throws {
        LoggingSystem.bootstrapOnce(level: logLevel)
        let logger = Logger(label: "marquee.bus")
        let journal = JournalOptions(
            segmentBytes: segmentMiB << 20,
            retentionBytes: retentionMiB > 0 ? Int64(retentionMiB) << 20 : nil,
            retentionAge: retentionHours > 0 ? Int64(retentionHours) * 3_600_000 : nil,
            flush: flush)
        let configuration = BrokerConfiguration(
            ingressEndpoint: ingress, fanoutEndpoint: fanout, controlEndpoint: control, groupEndpoint: group, journalDirectory: data,
            journal: journal, maxMessageBytes: maxMessageBytes, dedupeWindowMilliseconds: Int64(dedupeSeconds) * 1000,
            security: try brokerSecurity(logger: logger))
        let registry = PrometheusCollectorRegistry()
        let broker = try Broker(
            configuration: configuration, logger: logger, metrics: BrokerStatusEndpoint.metricsFactory(registry: registry))
        var services: [any Service] = [BrokerService(broker: broker, logger: logger)]
        if let http {
            services.append(BrokerStatusEndpoint.make(address: http, broker: broker, registry: registry, logger: logger))
        }
        let group = ServiceGroup(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        do {
            try await group.run()
        } catch {
            throw ValidationError("the broker stopped: \(error)")
        }
    }
}

extension FlushPolicy: ExpressibleByArgument {}
extension HTTPAddress: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
}
extension Logger.Level: @retroactive ExpressibleByArgument {}
