import AudienceConfig
import ServiceKit

/// The flags `marquee-qa` reads itself; the rest are ServiceKit's. `--worker-id ID` (keep it stable across
/// restarts of one replica so its leases survive a reconnect), `--lease-ms N`, and `--audience-policy FILE`: the
/// rules and suppression lists audience CSV documents are checked against, read here, once.
public struct QAServiceFlags: Sendable {
    /// A bad flag or policy file, as one sentence.
    public struct UsageError: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// The flags, for `--help`.
    public static let help = [
        ServiceFlag("--worker-id ID", "this replica's id, stable across its restarts (default qa-<host>-<pid>)"),
        ServiceFlag("--lease-ms N", "how long a QA request stays leased to this replica (default 30000)"),
        ServiceFlag("--audience-policy FILE", "audience list rules and suppression lists (YAML; default built-in)"),
    ]

    public var workerID: String
    public var leaseMilliseconds = 30_000
    /// The policy file, its suppression lists loaded; nil without `--audience-policy`.
    public var audiencePolicy: AudiencePolicyFile?
    /// The arguments left for ServiceKit, in order.
    public var rest: [String] = []

    /// Reads `arguments`; `workerID` is the default worker id.
    public static func parse(_ arguments: [String], workerID: String) throws(UsageError) -> QAServiceFlags {
        var flags = QAServiceFlags(workerID: workerID)
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            switch argument {
            case "--worker-id":
                guard let value = remaining.popFirst(), !value.isEmpty else {
                    throw UsageError(description: "--worker-id needs a value")
                }
                flags.workerID = value
            case "--lease-ms":
                guard let value = remaining.popFirst().flatMap(Int.init), value > 0 else {
                    throw UsageError(description: "--lease-ms needs a number")
                }
                flags.leaseMilliseconds = value
            case "--audience-policy":
                guard let value = remaining.popFirst(), !value.isEmpty else {
                    throw UsageError(description: "--audience-policy needs a file")
                }
                do {
                    flags.audiencePolicy = try AudiencePolicyFile(contentsOf: value)
                } catch {
                    throw UsageError(description: error.description)
                }
            default:
                flags.rest.append(argument)
            }
        }
        return flags
    }
}
