import Foundation

/// An ISO 8601 week, `2026-W47`: Monday 00:00 to the next Monday 00:00 in the business time zone.
public struct ISOWeek: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The ISO week-numbering year.
    public var year: Int
    /// The week, 1–53.
    public var week: Int

    /// Creates a week; use ``init(text:)`` for text from outside.
    public init(year: Int, week: Int) {
        self.year = year
        self.week = week
    }

    /// Parses `YYYY-Www`; `nil` unless the year has that week.
    public init?(text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[0].allSatisfy(\.isASCIIDigit), let year = Int(parts[0]),
            parts[1].count == 3, parts[1].first == "W", parts[1].dropFirst().allSatisfy(\.isASCIIDigit),
            let week = Int(parts[1].dropFirst()), (1...53).contains(week)
        else { return nil }
        let candidate = ISOWeek(year: year, week: week)
        let utc = TimeZone(secondsFromGMT: 0)!
        guard ISOWeek(containing: candidate.start(in: utc), in: utc) == candidate else { return nil }
        self = candidate
    }

    /// The week `instant` falls in, in `zone`.
    public init(containing instant: Date, in zone: TimeZone) {
        let parts = Self.calendar(zone).dateComponents([.yearForWeekOfYear, .weekOfYear], from: instant)
        self.init(year: parts.yearForWeekOfYear ?? 1970, week: parts.weekOfYear ?? 1)
    }

    /// Monday 00:00 of the week in `zone`.
    public func start(in zone: TimeZone) -> Date {
        let parts = DateComponents(hour: 0, weekday: 2, weekOfYear: week, yearForWeekOfYear: year)
        return Self.calendar(zone).date(from: parts) ?? Date(timeIntervalSince1970: 0)
    }

    /// The week's half-open period in `zone`.
    public func period(in zone: TimeZone) -> ReportPeriod {
        ReportPeriod(start: start(in: zone), end: adding(1).start(in: zone))
    }

    /// The week `weeks` later (earlier when negative).
    public func adding(_ weeks: Int) -> ISOWeek {
        let utc = TimeZone(secondsFromGMT: 0)!
        let moved = Self.calendar(utc).date(byAdding: .day, value: 7 * weeks, to: start(in: utc)) ?? start(in: utc)
        return ISOWeek(containing: moved, in: utc)
    }

    public var description: String {
        let w = week < 10 ? "0\(week)" : "\(week)"
        return "\(year)-W\(w)"
    }

    public static func < (lhs: ISOWeek, rhs: ISOWeek) -> Bool { (lhs.year, lhs.week) < (rhs.year, rhs.week) }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let week = ISOWeek(text: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected YYYY-Www, got \"\(text)\"")
        }
        self = week
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    private static func calendar(_ zone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = zone
        return calendar
    }
}
