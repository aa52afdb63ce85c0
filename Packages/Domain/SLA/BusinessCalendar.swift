import Foundation

/// When the team works: a time zone, working weekdays, daily opening hours and holidays.
///
/// All arithmetic happens in wall-clock time of `timeZone` through Foundation's `Calendar`, so opening
/// hours stay at 09:00 local across a DST change. YAML/wire keys: `time_zone` (an IANA identifier such as
/// `"Europe/Berlin"`), `working_days`, `opens`, `closes` (`"09:00"`), `holidays` (`["2026-12-25"]`).
public struct BusinessCalendar: Sendable, Hashable, Codable {
    /// IANA time zone identifier; an unknown identifier falls back to UTC (config check reports it).
    public var timeZone: String
    /// Weekdays on which the team works.
    public var workingDays: [Weekday]
    /// Opening time on a working day.
    public var opens: TimeOfDay
    /// Closing time on a working day; open time is the half-open interval `[opens, closes)`.
    public var closes: TimeOfDay
    /// Days off even when they fall on a working weekday.
    public var holidays: [Day]

    /// Creates a calendar.
    public init(timeZone: String, workingDays: [Weekday] = [.monday, .tuesday, .wednesday, .thursday, .friday],
                opens: TimeOfDay = TimeOfDay(hour: 9), closes: TimeOfDay = TimeOfDay(hour: 17),
                holidays: [Day] = []) {
        self.timeZone = timeZone
        self.workingDays = workingDays
        self.opens = opens
        self.closes = closes
        self.holidays = holidays
    }

    private enum CodingKeys: String, CodingKey {
        case timeZone = "time_zone"
        case workingDays = "working_days"
        case opens
        case closes
        case holidays
    }

    /// The Foundation time zone (UTC when `timeZone` is unknown).
    public var zone: TimeZone { TimeZone(identifier: timeZone) ?? TimeZone(secondsFromGMT: 0)! }

    var gregorian: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }

    /// Longest stretch searched for a working day (ten years), so a calendar without one cannot hang.
    static let searchLimit = 3_660

    // MARK: Days

    /// Whether `day` is a working weekday and not a holiday.
    public func isWorkingDay(_ day: Day) -> Bool {
        let number = day.gregorianWeekday
        return workingDays.contains { $0.gregorianNumber == number } && !holidays.contains(day)
    }

    /// The instant of wall-clock `time` on `day` in the business time zone.
    public func instant(on day: Day, at time: TimeOfDay, second: Int = 0) -> Date {
        let parts = DateComponents(
            year: day.year, month: day.month, day: day.day, hour: time.hour, minute: time.minute, second: second)
        return gregorian.date(from: parts) ?? Date(timeIntervalSince1970: 0)
    }

    /// The first working day strictly after `day`.
    public func workingDay(after day: Day) -> Day {
        var candidate = day.next
        var searched = 0
        while !isWorkingDay(candidate), searched < Self.searchLimit {
            candidate = candidate.next
            searched += 1
        }
        return candidate
    }

    // MARK: Instants

    /// Whether the team is working at `instant`.
    public func isOpen(at instant: Date) -> Bool {
        let day = Day(containing: instant, in: zone)
        return isWorkingDay(day) && instant >= self.instant(on: day, at: opens)
            && instant < self.instant(on: day, at: closes)
    }

    /// `instant` itself when open, otherwise the next opening (a request after closing or on a holiday
    /// starts its clock at the next working day's opening).
    public func nextOpenInstant(atOrAfter instant: Date) -> Date {
        var day = Day(containing: instant, in: zone)
        for _ in 0..<Self.searchLimit {
            if isWorkingDay(day) {
                let opening = self.instant(on: day, at: opens)
                if instant < opening { return opening }
                if instant < self.instant(on: day, at: closes) { return instant }
            }
            day = day.next
        }
        return .distantFuture
    }

    /// The instant `duration` of business time after `start`.
    ///
    /// The clock starts at `nextOpenInstant(atOrAfter: start)`. Days keep the wall-clock working time
    /// (Friday 10:30 + 1d = Monday 10:30); hours and minutes consume open time only, so the result may
    /// be a closing time exactly.
    public func adding(_ duration: BusinessDuration, to start: Date) -> Date {
        let begin = nextOpenInstant(atOrAfter: start)
        switch duration {
        case .days(let n):
            guard n > 0 else { return begin }
            let time = gregorian.dateComponents([.hour, .minute, .second], from: begin)
            var day = Day(containing: begin, in: zone)
            for _ in 0..<n { day = workingDay(after: day) }
            return instant(
                on: day, at: TimeOfDay(hour: time.hour ?? opens.hour, minute: time.minute ?? 0),
                second: time.second ?? 0)
        case .hours(let n):
            return addingOpenTime(TimeInterval(n) * 3_600, from: begin)
        case .minutes(let n):
            return addingOpenTime(TimeInterval(n) * 60, from: begin)
        }
    }

    private func addingOpenTime(_ seconds: TimeInterval, from begin: Date) -> Date {
        var now = begin
        var remaining = seconds
        for _ in 0..<Self.searchLimit {
            let closing = instant(on: Day(containing: now, in: zone), at: closes)
            let available = closing.timeIntervalSince(now)
            if remaining <= available { return now.addingTimeInterval(remaining) }
            remaining -= available
            now = nextOpenInstant(atOrAfter: closing)
        }
        return .distantFuture
    }

    /// Open time between two instants, in seconds (0 when `end` is not after `start`).
    public func openTime(from start: Date, to end: Date) -> TimeInterval {
        guard end > start else { return 0 }
        var total: TimeInterval = 0
        var day = Day(containing: start, in: zone)
        let last = Day(containing: end, in: zone)
        while day <= last {
            if isWorkingDay(day) {
                let from = max(start, instant(on: day, at: opens))
                let to = min(end, instant(on: day, at: closes))
                if to > from { total += to.timeIntervalSince(from) }
            }
            day = day.next
        }
        return total
    }

    /// Length of one working day in seconds (wall-clock `closes - opens`).
    public var workingDayLength: TimeInterval { TimeInterval((closes.minutesOfDay - opens.minutesOfDay) * 60) }
}
