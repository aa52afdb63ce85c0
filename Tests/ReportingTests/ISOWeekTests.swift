import Foundation
import Reporting
import Testing

@Suite struct ISOWeekTests {
    @Test(arguments: [("2026-W47", true), ("2026-W53", true), ("2025-W53", false), ("2026-W00", false), ("2026-W+1", false),
                      ("2026-47", false), ("+202-W01", false), ("2026-W1", false)])
    func parsesOnlyWeeksTheYearHas(_ text: String, _ valid: Bool) {
        #expect((ISOWeek(text: text) != nil) == valid)
        if valid { #expect(ISOWeek(text: text)?.description == text) }
    }

    @Test func weekOneMayStartInDecember() throws {
        let utc = try #require(TimeZone(identifier: "UTC"))
        let week = try #require(ISOWeek(text: "2026-W01"))
        #expect(week.start(in: utc) == Date(timeIntervalSince1970: 1_766_966_400))  // Mon 29 Dec 2025
        #expect(week.adding(-1).description == "2025-W52")
        #expect(ISOWeek(text: "2026-W53")?.adding(1).description == "2027-W01")
    }

    @Test func periodFollowsTheBusinessTimeZone() throws {
        let berlin = try #require(TimeZone(identifier: "Europe/Berlin"))
        let period = ISOWeek(year: 2026, week: 47).period(in: berlin)
        #expect(period.start == Date(timeIntervalSince1970: 1_794_783_600))  // Mon 16 Nov 2026 00:00 CET = 15 Nov 23:00 UTC
        #expect(period.end.timeIntervalSince(period.start) == 7 * 86_400)
    }
}
