import Domain
import Foundation

/// Reads dates from chat text relative to `today`: `2026-03-03`, `March 3rd`, `3 March 2026`, `3/3`, `13/3` (slashes only: `12.5` is money),
/// `today`, `tomorrow`, `Friday`, `next Friday`, `in two weeks`, `in 3 days`, `the 5th`.
///
/// A date without a year is the next such day on or after `today`. `3/4` fits both month/day and day/month
/// and is `.ambiguous`. `Friday` is the first Friday after today; `next Friday` is the Friday of next week
/// (weeks start on Monday). `the 5th` is the 5th of `reference`'s month when a reference is given (a
/// correction of a date already set), else the next 5th on or after today.
public struct DateParser: Sendable {
    /// The day the text is read on.
    public var today: Day
    /// The date being corrected, if any.
    public var reference: Day?

    /// Creates a parser for text read on `today`.
    public init(today: Day, reference: Day? = nil) {
        self.today = today
        self.reference = reference
    }

    /// The date in `text`, or `nil` when it names none.
    public func parse(_ text: String) -> DateAnswer? {
        let text = text.lowercased()
        if let groups = TextPattern("\\b(\\d{4})-(\\d{1,2})-(\\d{1,2})\\b").firstMatch(in: text) {
            let numbers = groups.map { Int($0 ?? "") ?? 0 }
            return Day.valid(year: numbers[0], month: numbers[1], day: numbers[2]).map(DateAnswer.day)
        }
        if let answer = monthName(in: text) ?? numeric(in: text) { return answer }
        return relative(in: text)
    }

    private static let months = [
        "jan(?:uary)?", "feb(?:ruary)?", "mar(?:ch)?", "apr(?:il)?", "may", "june?", "july?", "aug(?:ust)?",
        "sep(?:t(?:ember)?)?", "oct(?:ober)?", "nov(?:ember)?", "dec(?:ember)?",
    ]
    private static let monthAlternation = months.map { "(\($0))" }.joined(separator: "|")
    private static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    private func monthName(in text: String) -> DateAnswer? {
        let ordinal = "(\\d{1,2})(?:st|nd|rd|th)?"
        let year = "(?:,?\\s+(\\d{4}))?"
        let monthFirst = TextPattern("\\b(?:\(Self.monthAlternation))\\.?\\s+\(ordinal)\\b\(year)")
        let dayFirst = TextPattern("\\b\(ordinal)\\s+(?:of\\s+)?(?:\(Self.monthAlternation))\\b\\.?\(year)")
        if let groups = monthFirst.firstMatch(in: text) {
            return resolve(monthGroups: Array(groups[0..<12]), day: groups[12], year: groups[13])
        }
        if let groups = dayFirst.firstMatch(in: text) {
            return resolve(monthGroups: Array(groups[1..<13]), day: groups[0], year: groups[13])
        }
        return nil
    }

    private func resolve(monthGroups: [String?], day: String?, year: String?) -> DateAnswer? {
        guard let monthIndex = monthGroups.firstIndex(where: { $0 != nil }), let day = Int(day ?? "") else { return nil }
        return resolve(month: monthIndex + 1, day: day, year: year.flatMap { Int($0) }).map(DateAnswer.day)
    }

    private func resolve(month: Int, day: Int, year: Int?) -> Day? {
        if let year { return Day.valid(year: year, month: month, day: day) }
        return Day.next(month: month, day: day, onOrAfter: today)
    }

    private func numeric(in text: String) -> DateAnswer? {
        guard let groups = TextPattern("(?:^|[^\\d.])(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}|\\d{2}))?(?![\\d/])")
            .firstMatch(in: text), let first = Int(groups[0] ?? ""), let second = Int(groups[1] ?? "")
        else { return nil }
        let year = groups[2].flatMap { Int($0) }.map { $0 < 100 ? 2000 + $0 : $0 }
        var candidates: [Day] = []
        for (month, day) in [(first, second), (second, first)] {
            if let candidate = resolve(month: month, day: day, year: year), !candidates.contains(candidate) {
                candidates.append(candidate)
            }
        }
        switch candidates.count {
        case 0: return nil
        case 1: return .day(candidates[0])
        default: return .ambiguous(candidates.sorted())
        }
    }

    private func relative(in text: String) -> DateAnswer? {
        if TextPattern("\\btoday\\b").occurs(in: text) { return .day(today) }
        if TextPattern("\\btomorrow\\b").occurs(in: text) { return .day(today.adding(days: 1)) }
        if let groups = TextPattern("\\bin\\s+(\(NumberWord.pattern))\\s+(day|week|month)s?\\b").firstMatch(in: text),
            let count = NumberWord.value(of: groups[0] ?? ""), let unit = groups[1]
        {
            switch unit {
            case "day": return .day(today.adding(days: count))
            case "week": return .day(today.adding(days: 7 * count))
            default: return .day(today.adding(months: count))
            }
        }
        if let groups = TextPattern("\\b(next\\s+|this\\s+)?(\(Self.weekdays.joined(separator: "|")))\\b").firstMatch(in: text),
            let name = groups[1], let target = Self.weekdays.firstIndex(of: name)
        {
            return .day(weekday(target, next: groups[0] != nil && groups[0]!.hasPrefix("next")))
        }
        if let groups = TextPattern("\\bthe\\s+(\\d{1,2})(?:st|nd|rd|th)\\b").firstMatch(in: text),
            let day = Int(groups[0] ?? "")
        {
            if let reference { return Day.valid(year: reference.year, month: reference.month, day: day).map(DateAnswer.day) }
            var month = Day(year: today.year, month: today.month, day: 1)
            for _ in 0..<3 {
                if let candidate = Day.valid(year: month.year, month: month.month, day: day), candidate >= today {
                    return .day(candidate)
                }
                month = month.adding(months: 1)
            }
        }
        return nil
    }

    /// `target` is 0 for Monday … 6 for Sunday.
    private func weekday(_ target: Int, next: Bool) -> Day {
        let todayIndex = (today.gregorianWeekday + 5) % 7  // Monday 0 … Sunday 6
        if next { return today.adding(days: 7 - todayIndex + target) }
        let ahead = (target - todayIndex + 7) % 7
        return today.adding(days: ahead == 0 ? 7 : ahead)
    }
}
