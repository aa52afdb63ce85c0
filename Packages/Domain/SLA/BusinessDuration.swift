import Foundation

/// A turnaround in business time. `.days(1)` is the next working day at the same working time, not 24
/// working hours; hours and minutes count only open time.
///
/// Wire/YAML: a string with a unit, `"1d"`, `"4h"`, `"30m"`.
public enum BusinessDuration: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Whole working days.
    case days(Int)
    /// Working hours.
    case hours(Int)
    /// Working minutes.
    case minutes(Int)

    /// Parses `"<n>d"`, `"<n>h"` or `"<n>m"` with a non-negative `n`.
    public init?(text: String) {
        guard let unit = text.last, let n = Int(text.dropLast()), n >= 0 else { return nil }
        switch unit {
        case "d": self = .days(n)
        case "h": self = .hours(n)
        case "m": self = .minutes(n)
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case .days(let n): "\(n)d"
        case .hours(let n): "\(n)h"
        case .minutes(let n): "\(n)m"
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = BusinessDuration(text: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected a duration like \"1d\", \"4h\" or \"30m\", got \"\(text)\"")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
