import Bus
import Domain
import Foundation
import Logging
import RulesConfig
import ServiceKit

/// Runs one station of the production line as a process: what every station's `main.swift` calls.
///
/// ```swift
/// // Services/approvals/Main/main.swift
/// exit(await StationService.main(station: .approvals) { _ in NoHooks() })
/// ```
///
/// It parses the flags (ServiceKit's plus ``StationOptions``), loads the rules (`--config FILE`, else the
/// built-in default), opens `<data>/<station>.sqlite`, and runs the outbox relay, the event consumer, the
/// ticker and the `/metrics` + `/health` endpoint until SIGTERM or SIGINT.
public enum StationService {
    /// What a station's hooks are built from.
    public struct Setup: Sendable {
        /// The parsed station flags.
        public let options: StationOptions
        /// The service's data directory.
        public let dataDirectory: String
        /// The rules in force.
        public let rules: Rules
        /// The service's logger.
        public let logger: Logger
    }

    /// Runs `station` with the hooks `makeHooks` builds; returns the process exit code (0 after a clean
    /// shutdown, 1 when it failed, 2 for a bad command line or config), having printed why.
    public static func main(
        station: Station, arguments: [String] = Array(CommandLine.arguments.dropFirst()),
        makeHooks: (Setup) throws -> any StationHooks
    ) async -> Int32 {
        let runtime: ServiceRuntime
        let stationOptions: StationOptions
        let rules: Rules
        do {
            let (parsed, rest) = try StationOptions.parse(arguments)
            stationOptions = parsed
            runtime = try ServiceRuntime.bootstrap(
                name: station.rawValue, arguments: rest, flags: StationOptions.flags(of: station))
            rules = try RulesFile.load(runtime.options.configPath)
        } catch {
            printError("marquee-\(station.rawValue): \(error)")
            return 2
        }
        do {
            let setup = Setup(
                options: stationOptions, dataDirectory: runtime.options.dataDirectory, rules: rules,
                logger: runtime.logger)
            let hooks = try makeHooks(setup)
            let store = try runtime.openStore { migrator in
                StationLedger.register(&migrator)
                hooks.registerMigrations(&migrator)
            }
            let handler = StationHandler(station: station, rules: rules, hooks: hooks)
            let publisher = try Publisher(bus: runtime.options.bus, logger: runtime.logger)
            let relay = runtime.outboxRelay(store: store, publisher: publisher)
            let consumer = EventConsumer(
                service: station.rawValue, store: store, endpoints: runtime.options.bus, prefixes: handler.prefixes,
                handler: handler, clock: stationOptions.clock, logger: runtime.logger)
            let control = try BusControl(bus: runtime.options.bus, timeoutMilliseconds: 1000, logger: runtime.logger)
            let ticker = StationTicker(
                handler: handler, store: store, clock: stationOptions.clock, interval: stationOptions.tickInterval,
                catchUp: JournalCatchUp(control: control, consumer: consumer.consumer, prefixes: handler.prefixes),
                logger: runtime.logger)
            let health = ServiceHealth(service: station.rawValue, store: store, control: control, logger: runtime.logger)
            try await runtime.run(relay, consumer, ticker, runtime.statusEndpoint(health: health))
            await publisher.close()
            return 0
        } catch {
            runtime.logger.critical("stopped", metadata: [LogKey.error: "\(error)"])
            printError("marquee-\(station.rawValue): \(error)")
            return 1
        }
    }

    private static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
