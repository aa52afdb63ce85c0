import ArgumentParser
import Bus
import BusService
import Logging

/// Where the broker is: shared by every command that talks to the bus.
struct BusClientOptions: ParsableArguments {
    @Option(help: "The broker's ingress endpoint.")
    var ingress = "tcp://127.0.0.1:7701"

    @Option(help: "The broker's fan-out endpoint.")
    var fanout = "tcp://127.0.0.1:7702"

    @Option(help: "The broker's control endpoint.")
    var control = "tcp://127.0.0.1:7703"

    @Option(help: "Log level for the client's own diagnostics.")
    var logLevel: Logger.Level = .warning

    var endpoints: BusEndpoints { BusEndpoints(ingress: ingress, fanout: fanout, control: control) }

    /// Bootstraps logging and returns the CLI's logger.
    func logger() -> Logger {
        LoggingSystem.bootstrapOnce(level: logLevel)
        return Logger(label: "marquee.cli")
    }
}
