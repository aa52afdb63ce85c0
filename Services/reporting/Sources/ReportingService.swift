import Bus
import Domain
import Foundation
import Logging
import Reporting
import RulesConfig
import ServiceKit

/// Runs `marquee-reporting`: ServiceKit's flags (`--http` also serves the reports) plus `--tick-ms N` (how often
/// idle campaigns are checked for warning signs, default 60000).
///
/// One `EventConsumer` folds every campaign fact, QA report and escalation from seq 0 into
/// `<data>/reporting.sqlite`; the outbox relay publishes warning signs; the ticker finds the signs time alone
/// makes. Returns the exit code: 0 after a clean shutdown, 1 when it failed, 2 for a bad command line or config.
public enum ReportingService {
    /// The CloudEvents source of what it publishes.
    public static let source = "marquee/reporting"

    public static func main(arguments: [String] = Array(CommandLine.arguments.dropFirst())) async -> Int32 {
        var rest: [String] = []
        var tick = Duration.seconds(60)
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            if argument == "--tick-ms" {
                guard let value = remaining.popFirst().flatMap(Int.init), value > 0 else { return usage("--tick-ms needs a number") }
                tick = .milliseconds(value)
            } else {
                rest.append(argument)
            }
        }
        let runtime: ServiceRuntime
        let rules: Rules
        do {
            runtime = try ServiceRuntime.bootstrap(
                name: "reporting", arguments: rest,
                flags: [ServiceFlag("--tick-ms N", "how often idle campaigns are checked for warning signs (default 60000)")])
            rules = try RulesFile.load(runtime.options.configPath)
        } catch {
            return usage("\(error)")
        }
        do {
            let store = try runtime.openStore { ReportingStore.register(&$0) }
            let consumer = EventConsumer(
                service: "reporting", store: store, endpoints: runtime.options.bus, prefixes: ReportingFold.prefixes,
                handler: ReportingHandler(rules: rules), logger: runtime.logger)
            let publisher = try Publisher(bus: runtime.options.bus, logger: runtime.logger)
            let relay = runtime.outboxRelay(store: store, publisher: publisher)
            let control = try BusControl(bus: runtime.options.bus, timeoutMilliseconds: 1000, logger: runtime.logger)
            let ticker = WarningTicker(
                store: store, detector: WarningDetector(rules: rules), clock: .system, interval: tick,
                catchUp: JournalCatchUp(control: control, consumer: consumer.consumer, prefixes: ReportingFold.prefixes),
                logger: runtime.logger)
            let endpoint = ReportingEndpoint(
                host: runtime.options.httpHost, port: runtime.options.httpPort, registry: runtime.registry,
                health: ServiceHealth(service: "reporting", store: store, control: control, logger: runtime.logger),
                routes: ReportingRoutes(store: store, rules: rules, clock: .system, logger: runtime.logger),
                onReady: { address in FileHandle.standardOutput.write(Data("marquee-reporting ready http=\(address)\n".utf8)) },
                logger: runtime.logger)
            try await runtime.run(relay, consumer, ticker, endpoint)
            await publisher.close()
            return 0
        } catch {
            runtime.logger.critical("stopped", metadata: [LogKey.error: "\(error)"])
            FileHandle.standardError.write(Data("marquee-reporting: \(error)\n".utf8))
            return 1
        }
    }

    private static func usage(_ message: String) -> Int32 {
        FileHandle.standardError.write(Data("marquee-reporting: \(message)\n".utf8))
        return 2
    }
}
