import ArgumentParser
import Bus
import BusService
import Logging
import ZeroMQ

/// Where the broker is: shared by every command that talks to the bus.
struct BusClientOptions: ParsableArguments {
    @Option(help: "The broker's ingress endpoint.")
    var ingress = "tcp://127.0.0.1:7701"

    @Option(help: "The broker's fan-out endpoint.")
    var fanout = "tcp://127.0.0.1:7702"

    @Option(help: "The broker's control endpoint.")
    var control = "tcp://127.0.0.1:7703"

    @Option(help: "The broker's CURVE public key file (NAME.key); with --bus-key, for a broker that runs CURVE.")
    var busServerKey: String?

    @Option(help: "This client's CURVE secret key file (NAME.secret; the public half is derived and checked against NAME.key).")
    var busKey: String?

    @Option(help: "Log level for the client's own diagnostics.")
    var logLevel: Logger.Level = .warning

    func validate() throws {
        guard (busServerKey == nil) == (busKey == nil) else {
            throw ValidationError("--bus-server-key and --bus-key go together: give both for a CURVE broker, or neither")
        }
    }

    /// The broker's endpoints, with the CURVE credentials read from the key files when given.
    var endpoints: BusEndpoints {
        get throws { BusEndpoints(ingress: ingress, fanout: fanout, control: control, credentials: try credentials) }
    }

    /// The CURVE credentials from `--bus-server-key` and `--bus-key`; `nil` for a plain TCP broker.
    var credentials: BusCredentials? {
        get throws {
            guard let busServerKey, let busKey else { return nil }
            do {
                return try BusCredentials.load(serverKeyFile: busServerKey, secretKeyFile: busKey)
            } catch {
                throw CommandFailure(error.description)
            }
        }
    }

    /// Bootstraps logging and returns the CLI's logger.
    func logger() -> Logger {
        LoggingSystem.bootstrapOnce(level: logLevel)
        return Logger(label: "marquee.cli")
    }
}
