import Bus
import Logging

/// The flags every Marquee service takes:
/// `--bus-ingress URL --bus-fanout URL --bus-control URL --bus-group URL --data DIR --config FILE --http HOST:PORT
/// --log-level LEVEL --outbox-keep-hours N`
/// and, for a broker that runs CURVE, `--bus-server-key FILE --bus-key FILE` (the broker's public key file and
/// this service's secret key file; the two go together) (each also as `--flag=value`).
public struct ServiceOptions: Sendable, Equatable {
    /// The broker's endpoints, with the CURVE credentials read from the key files when given; defaults to
    /// ``Bus/BusEndpoints/local(host:basePort:credentials:)``.
    public var bus: BusEndpoints
    /// The directory holding the service's database; defaults to `var/<name>`.
    public var dataDirectory: String
    /// The rules file (YAML), if given; loading it is the caller's.
    public var configPath: String?
    /// Where `/metrics` and `/health` listen; port 0 picks a free port.
    public var httpHost: String
    public var httpPort: Int
    /// The lowest level logged.
    public var logLevel: Logger.Level
    /// How long published outbox rows are kept before they are deleted; nil keeps them forever.
    public var outboxKeep: Duration?

    /// The defaults for service `name`.
    public init(name: String) {
        bus = .local()
        dataDirectory = "var/\(name)"
        configPath = nil
        httpHost = "127.0.0.1"
        httpPort = 0
        logLevel = .info
        outboxKeep = .seconds(7 * 24 * 3600)
    }

    /// Parses `arguments` (without the program name) over the defaults for `name`.
    public static func parse(_ arguments: [String], name: String) throws(ServiceOptionsError) -> ServiceOptions {
        var options = ServiceOptions(name: name)
        var keyFiles: (server: String?, client: String?) = (nil, nil)
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            if argument == "--help" || argument == "-h" { throw .helpRequested }
            guard argument.hasPrefix("--") else { throw .unexpectedArgument(argument) }
            let flag: String
            let value: String
            if let equals = argument.firstIndex(of: "=") {
                flag = String(argument[..<equals])
                value = String(argument[argument.index(after: equals)...])
            } else {
                flag = argument
                guard let next = remaining.popFirst() else { throw .missingValue(flag: flag) }
                value = next
            }
            switch flag {
            case "--bus-server-key" where !value.isEmpty: keyFiles.server = value
            case "--bus-key" where !value.isEmpty: keyFiles.client = value
            default: try options.set(flag, to: value)
            }
        }
        options.bus.credentials = try credentials(serverKeyFile: keyFiles.server, secretKeyFile: keyFiles.client)
        return options
    }

    /// The CURVE credentials from `--bus-server-key` and `--bus-key`: both or neither.
    private static func credentials(serverKeyFile: String?, secretKeyFile: String?) throws(ServiceOptionsError) -> BusCredentials? {
        switch (serverKeyFile, secretKeyFile) {
        case (nil, nil):
            return nil
        case (let server?, nil):
            throw .invalidValue(flag: "--bus-server-key", value: server, expected: "given together with --bus-key")
        case (nil, let client?):
            throw .invalidValue(flag: "--bus-key", value: client, expected: "given together with --bus-server-key")
        case (let server?, let client?):
            do {
                return try BusCredentials.load(serverKeyFile: server, secretKeyFile: client)
            } catch {
                throw .invalidValue(flag: "--bus-key", value: client, expected: "usable with --bus-server-key \(server): \(error)")
            }
        }
    }

    private mutating func set(_ flag: String, to value: String) throws(ServiceOptionsError) {
        guard !value.isEmpty else { throw .missingValue(flag: flag) }
        switch flag {
        case "--bus-ingress": bus.ingress = value
        case "--bus-fanout": bus.fanout = value
        case "--bus-control": bus.control = value
        case "--bus-group": bus.group = value
        case "--data": dataDirectory = value
        case "--config": configPath = value
        case "--http":
            guard let address = HTTPAddress(parsing: value) else {
                throw .invalidValue(flag: flag, value: value, expected: "HOST:PORT")
            }
            httpHost = address.host
            httpPort = address.port
        case "--log-level":
            guard let level = Logger.Level(rawValue: value) else {
                throw .invalidValue(
                    flag: flag, value: value,
                    expected: Logger.Level.allCases.map(\.rawValue).joined(separator: "|"))
            }
            logLevel = level
        case "--outbox-keep-hours":
            guard let hours = Int(value), (0...1_000_000).contains(hours) else {
                throw .invalidValue(flag: flag, value: value, expected: "a number of hours (0 keeps every row)")
            }
            outboxKeep = hours == 0 ? nil : .seconds(hours * 3600)
        default:
            throw .unknownFlag(flag)
        }
    }
}
