/// Calendar arithmetic on civil days (proleptic Gregorian), without `Calendar` or a time zone: a day's
/// successor and weekday do not depend on where it is. The SLA clock walks days with these; Foundation's
/// calendar is only needed to turn a day and a wall-clock time into an instant.
extension Day {
    /// The next calendar day.
    public var next: Day {
        if day < Day.daysIn(month: month, year: year) { return Day(year: year, month: month, day: day + 1) }
        if month < 12 { return Day(year: year, month: month + 1, day: 1) }
        return Day(year: year + 1, month: 1, day: 1)
    }

    /// Days since 1970-01-01 (negative before it); Howard Hinnant's `days_from_civil`.
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The weekday as Foundation's Gregorian calendar numbers it: 1 = Sunday … 7 = Saturday.
    public var gregorianWeekday: Int {
        // 1970-01-01 was a Thursday (5).
        ((daysSinceEpoch % 7 + 7) % 7 + 4) % 7 + 1
    }
}
