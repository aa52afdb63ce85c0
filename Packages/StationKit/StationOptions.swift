import Domain
import Foundation
import ServiceKit

/// The flags a station takes besides ServiceKit's (``ServiceKit/ServiceOptions``):
/// `--clock system|file:PATH`, `--tick-ms N` and, for build, `--templates DIR`.
public struct StationOptions: Sendable {
    /// The time source for timers and SLA checks.
    public var clock: WallClock = .system
    /// How often the ticker looks for due timers and deadlines.
    public var tickInterval: Duration = .seconds(1)
    /// The template library directory (build); `nil`: `<data>/templates`.
    public var templatesDirectory: String?

    /// The station flags of `station`, for `--help`.
    public static func flags(of station: Station) -> [ServiceFlag] {
        [
            ServiceFlag("--clock system|file:PATH", "the time source (default system; file: reads an RFC 3339 instant)"),
            ServiceFlag("--tick-ms N", "how often due timers and SLA deadlines are checked (default 1000)"),
        ] + (station == .build ? [ServiceFlag("--templates DIR", "the template library (default <data>/templates)")] : [])
    }

    /// Splits `arguments` into the station's flags and the rest (for ``ServiceKit/ServiceOptions``).
    public static func parse(_ arguments: [String]) throws(ServiceOptionsError) -> (StationOptions, [String]) {
        var options = StationOptions()
        var rest: [String] = []
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            let (flag, inline) = Self.split(argument)
            guard ["--clock", "--tick-ms", "--templates"].contains(flag) else {
                rest.append(argument)
                continue
            }
            guard let value = inline ?? remaining.popFirst(), !value.isEmpty else { throw .missingValue(flag: flag) }
            switch flag {
            case "--clock":
                guard let clock = StationClock.make(value) else {
                    throw .invalidValue(flag: flag, value: value, expected: "system|file:PATH")
                }
                options.clock = clock
            case "--tick-ms":
                guard let milliseconds = Int(value), milliseconds > 0 else {
                    throw .invalidValue(flag: flag, value: value, expected: "a positive number of milliseconds")
                }
                options.tickInterval = .milliseconds(milliseconds)
            default:
                options.templatesDirectory = value
            }
        }
        return (options, rest)
    }

    private static func split(_ argument: String) -> (String, String?) {
        guard let equals = argument.firstIndex(of: "=") else { return (argument, nil) }
        return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
    }
}
