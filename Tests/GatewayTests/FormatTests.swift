import Domain
import Foundation
import Testing

@testable import GatewayService

/// The pure formats: iCalendar text, CSV cells, upload checks and stage timings.
@Suite struct FormatTests {
    @Test func iCalendarEscapesTextAndFoldsAt75Octets() {
        #expect(ICalendar.escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne")
        let long = "SUMMARY:" + String(repeating: "é", count: 80)
        let folded = ICalendar.fold(long)
        let lines = folded.components(separatedBy: "\r\n")
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { $0.utf8.count <= 75 })
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        #expect(lines.enumerated().map { $0.offset == 0 ? $0.element : String($0.element.dropFirst()) }.joined() == long)
    }

    @Test func iCalendarHasOneEventPerLaunchWithCRLF() {
        let launch = CalendarEntry(
            campaignID: "cmp-1", title: "Sale, spring; \"big\"", stage: .scheduled, kind: .launch, date: Day(year: 2026, month: 12, day: 8), at: nil)
        let due = CalendarEntry(campaignID: "cmp-1", title: "x", stage: .scheduled, kind: .due, date: Day(year: 2026, month: 12, day: 1), at: nil)
        let text = ICalendar.launches([launch, due], now: GatewayHarness.now, baseURL: "https://m.example")
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"))
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        #expect(text.components(separatedBy: "BEGIN:VEVENT").count == 2)
        #expect(text.contains("DTSTART;VALUE=DATE:20261208\r\n"))
        #expect(text.contains("DTSTAMP:20251117T100000Z\r\n"))
        #expect(text.contains("SUMMARY:Launch: Sale\\, spring\\; \"big\"\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }

    @Test(arguments: [
        ("plain", "plain"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("two\nlines", "\"two\nlines\""),
        ("=SUM(A1)", "'=SUM(A1)"), ("+1", "'+1"), ("-2", "'-2"), ("@cmd", "'@cmd"), ("=a,b", "\"'=a,b\""),
    ])
    func csvCellsAreQuotedAndGuardedAgainstFormulas(_ value: String, _ cell: String) {
        #expect(CSVTable.cell(value) == cell)
    }

    @Test func csvLinesEndInCRLF() {
        #expect(CSVTable(header: ["a", "b"], rows: [["1", "2"]]).text == "a,b\r\n1,2\r\n")
    }

    @Test(arguments: [
        ("image/png", Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]), 0),
        ("image/png; charset=x", Data("<html>".utf8), 415),
        ("text/html; charset=utf-8", Data("<p>hi</p>".utf8), 0),
        ("text/html", Data([0x66, 0x00, 0x67]), 415),
        ("application/pdf", Data("%PDF-1.7".utf8), 0),
        ("application/x-msdownload", Data("MZ".utf8), 415),
        ("text/plain", Data(), 422),
        ("text/plain", Data([0x4A, 0xF6, 0x72, 0x67]), 415),
        ("text/csv", Data([0x4A, 0xF6, 0x72, 0x67, 0x0A]), 0),
        ("text/csv", Data([0x61, 0x00, 0x62]), 415),
    ])
    func uploadsMustBeOfAnAcceptedTypeAndLookLikeIt(_ declared: String, _ bytes: Data, _ status: Int) {
        do {
            _ = try UploadPolicy.check(bytes, declared: declared)
            #expect(status == 0)
        } catch {
            #expect(error.statusCode == status)
        }
    }

    @Test func documentNamesArePathSafe() {
        #expect(UploadPolicy.isDocumentName("email-main.v2"))
        #expect(!UploadPolicy.isDocumentName("../etc"))
        #expect(!UploadPolicy.isDocumentName("Email"))
        #expect(!UploadPolicy.isDocumentName(""))
    }

    @Test func stageTimingsRunUntilNowForTheCurrentStage() {
        var campaign = Campaign(id: "cmp-t", request: GatewayHarness.request(), submittedAt: GatewayHarness.now)
        let later = GatewayHarness.now.addingTimeInterval(3600)
        campaign.history.append(StageVisit(stage: .triaged, enteredAt: later))
        let timings = StageTiming.timings(of: campaign, now: later.addingTimeInterval(1800), calendar: GatewayHarness.rules.calendar)
        #expect(timings.map(\.stage) == [.submitted, .triaged])
        #expect(timings.map(\.seconds) == [3600, 1800])
        #expect(timings.map(\.businessSeconds) == [3600, 1800], "Monday 11:00 in Berlin: within opening hours")
        #expect(timings[0].leftAt == later && timings[1].leftAt == nil)
    }

    @Test func signInThrottleBlocksAfterFiveFailuresUntilTheWindowPasses() async {
        let throttle = SignInThrottle()
        let start = GatewayHarness.now
        for minute in 0..<5 {
            #expect(await throttle.retryAfter(["user:ana"], now: start.addingTimeInterval(Double(minute) * 60)) == nil)
            await throttle.fail(["user:ana", "address:10.0.0.1"], now: start.addingTimeInterval(Double(minute) * 60))
        }
        #expect(await throttle.retryAfter(["user:ana"], now: start.addingTimeInterval(300)) == 600)
        #expect(await throttle.retryAfter(["user:ben", "address:10.0.0.1"], now: start.addingTimeInterval(300)) == 600)
        #expect(await throttle.retryAfter(["user:ben"], now: start.addingTimeInterval(300)) == nil)
        #expect(await throttle.retryAfter(["user:ana"], now: start.addingTimeInterval(901)) == nil, "the first failure left the window")
    }
}
