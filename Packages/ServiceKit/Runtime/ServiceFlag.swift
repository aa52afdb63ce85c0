import Foundation

/// One command-line flag and what it does, for a service's `--help`.
public struct ServiceFlag: Sendable, Equatable {
    /// The flag as typed, with its value's placeholder: `--worker-id ID`.
    public let usage: String
    /// What it does and its default, in a few words.
    public let meaning: String

    public init(_ usage: String, _ meaning: String) {
        self.usage = usage
        self.meaning = meaning
    }
}

extension ServiceOptions {
    /// The flags every service takes (``parse(_:name:)``).
    public static let commonFlags = [
        ServiceFlag("--bus-ingress URL", "the broker's ingress (default tcp://127.0.0.1:7701)"),
        ServiceFlag("--bus-fanout URL", "the broker's fan-out (default tcp://127.0.0.1:7702)"),
        ServiceFlag("--bus-control URL", "the broker's control endpoint (default tcp://127.0.0.1:7703)"),
        ServiceFlag("--bus-group URL", "the broker's queue-group endpoint (default tcp://127.0.0.1:7704)"),
        ServiceFlag("--bus-server-key FILE", "the broker's CURVE public key (with --bus-key)"),
        ServiceFlag("--bus-key FILE", "this service's CURVE secret key (with --bus-server-key)"),
        ServiceFlag("--data DIR", "where the service's database lives (default var/<name>)"),
        ServiceFlag("--config FILE", "the rules file, YAML (default the built-in rules)"),
        ServiceFlag("--http HOST:PORT", "where /metrics and /health listen (default 127.0.0.1:0, a free port)"),
        ServiceFlag("--log-level LEVEL", "trace|debug|info|notice|warning|error|critical (default info)"),
        ServiceFlag("--outbox-keep-hours N", "hours published outbox rows are kept (default 168; 0: forever)"),
        ServiceFlag("--help", "print this and exit"),
    ]

    /// The text `marquee-<name> --help` prints: the service's own `flags`, then the common ones.
    public static func help(name: String, flags: [ServiceFlag]) -> String {
        let width = (flags + commonFlags).map(\.usage.count).max() ?? 0
        func lines(_ flags: [ServiceFlag]) -> String {
            flags.map { "  " + $0.usage.padding(toLength: width + 2, withPad: " ", startingAt: 0) + $0.meaning }
                .joined(separator: "\n")
        }
        var text = "usage: marquee-\(name) [options]\n\n"
        if !flags.isEmpty { text += "options of marquee-\(name):\n" + lines(flags) + "\n\n" }
        return text + "options of every Marquee service (each also as --flag=value):\n" + lines(commonFlags) + "\n"
    }
}
