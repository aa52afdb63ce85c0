import Domain
import Foundation
import Testing

@Suite struct DayArithmeticTests {
    /// Every day from 1899 to 2101 (leap centuries, month and year ends) against Foundation's calendar.
    @Test func successorAndWeekdayAgreeWithFoundation() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        var day = Day(year: 1899, month: 12, day: 25)
        var date = calendar.date(from: DateComponents(year: 1899, month: 12, day: 25, hour: 12))!
        var mismatches: [String] = []
        for _ in 0..<(202 * 366) {
            let parts = calendar.dateComponents([.year, .month, .day, .weekday], from: date)
            if Day(year: parts.year!, month: parts.month!, day: parts.day!) != day || parts.weekday != day.gregorianWeekday {
                mismatches.append("\(day)")
            }
            if mismatches.count > 3 { break }
            day = day.next
            date = calendar.date(byAdding: .day, value: 1, to: date)!
        }
        #expect(mismatches.isEmpty)
    }

    @Test func epochDaysCountFromNineteenSeventy() {
        #expect(Day(year: 1970, month: 1, day: 1).daysSinceEpoch == 0)
        #expect(Day(year: 1969, month: 12, day: 31).daysSinceEpoch == -1)
        #expect(Day(year: 2000, month: 3, day: 1).daysSinceEpoch == 11_017)
        #expect(Day(year: 2026, month: 11, day: 24).gregorianWeekday == 3)  // a Tuesday
    }
}
