/// How bad a finding is. Wire values: `"error"`, `"warning"`, `"info"`.
///
/// Any `error` fails the QA verdict; warnings and infos are shown to the reviewer.
public enum Severity: String, Sendable, Hashable, Codable, Comparable, CaseIterable {
    case error
    case warning
    case info

    private var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .info: 2
        }
    }

    /// Errors sort first.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}
