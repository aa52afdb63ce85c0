import Foundation

/// How numbers, rates, money and dates are printed in reports (HTML and CSV alike).
public enum Formatting {
    /// Hours with one decimal, e.g. `12.5`.
    public static func hours(_ value: Double) -> String { String(format: "%.1f", value) }

    /// A rate 0…1 as a percentage with one decimal; `–` when unknown.
    public static func percent(_ value: Double?) -> String { value.map { String(format: "%.1f%%", $0 * 100) } ?? "–" }

    /// A plain number with `digits` decimals (2 unless given); `–` when unknown.
    public static func decimal(_ value: Double?, digits: Int = 2) -> String {
        value.map { String(format: "%.\(digits)f", $0) } ?? "–"
    }

    /// Minor units as an amount with two decimals and the currency, e.g. `1250.50 EUR`.
    public static func money(_ minor: Double?, currency: String?) -> String {
        guard let minor else { return "–" }
        return String(format: "%.2f", minor / 100) + (currency.map { " " + $0 } ?? "")
    }

    /// A date as RFC 3339 in UTC, to the second.
    public static func instant(_ date: Date?) -> String {
        guard let date else { return "–" }
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(secondsFromGMT: 0)
        return formatter.string(from: date)
    }

    /// `MM-dd` of `date` in `zone`, for chart axes.
    public static func monthDay(_ date: Date, in zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.month, .day], from: date)
        return String(format: "%02d-%02d", parts.month ?? 0, parts.day ?? 0)
    }
}
