/// Why a service's command line was refused; ``description`` is the one sentence printed before exiting.
public enum ServiceOptionsError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownFlag(String)
    case missingValue(flag: String)
    case invalidValue(flag: String, value: String, expected: String)
    case unexpectedArgument(String)
    /// `--help` or `-h` was given.
    case helpRequested

    public var description: String {
        switch self {
        case .unknownFlag(let flag): "unknown option \(flag)"
        case .missingValue(let flag): "option \(flag) needs a value"
        case .invalidValue(let flag, let value, let expected): "option \(flag): \"\(value)\" is not \(expected)"
        case .unexpectedArgument(let argument): "unexpected argument \"\(argument)\""
        case .helpRequested: "help requested"
        }
    }
}
