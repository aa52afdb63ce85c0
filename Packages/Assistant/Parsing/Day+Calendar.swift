import Domain
import Foundation

extension Day {
    /// The day `daysSinceEpoch` days after 1970-01-01 (Howard Hinnant's `civil_from_days`).
    init(daysSinceEpoch days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    /// The day `count` days later (earlier when negative).
    func adding(days count: Int) -> Day { Day(daysSinceEpoch: daysSinceEpoch + count) }

    /// The same day of the month `count` months later, clamped to the month's last day (Jan 31 + 1 → Feb 28).
    func adding(months count: Int) -> Day {
        let index = year * 12 + (month - 1) + count
        let (newYear, newMonth) = (index / 12, index % 12 + 1)
        return Day(year: newYear, month: newMonth, day: min(day, Day.lastDay(month: newMonth, year: newYear)))
    }

    /// The valid day `year-month-day`, or `nil` (Feb 30, month 13…).
    static func valid(year: Int, month: Int, day: Int) -> Day? {
        guard (1...12).contains(month), (1...lastDay(month: month, year: year)).contains(day) else { return nil }
        return Day(year: year, month: month, day: day)
    }

    /// The first `month`/`day` on or after `today`, in this year or the next.
    static func next(month: Int, day: Int, onOrAfter today: Day) -> Day? {
        for year in today.year...(today.year + 4) {
            if let candidate = valid(year: year, month: month, day: day), candidate >= today { return candidate }
        }
        return nil
    }

    static func lastDay(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
