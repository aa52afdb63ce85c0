import Domain
import Foundation
import Testing

struct SLACase: Sendable, CustomTestStringConvertible {
    var name: String
    var start: String
    var duration: BusinessDuration
    var due: String
    var zone: String = "Europe/Berlin"
    var testDescription: String { "\(name): \(start) + \(duration)" }
}

let berlin = Rules.builtIn.calendar
let newYork = BusinessCalendar(timeZone: "America/New_York", opens: TimeOfDay(hour: 9), closes: TimeOfDay(hour: 17))

@Suite struct BusinessCalendarTests {
    @Test(arguments: [
        SLACase(name: "within the day", start: "2026-03-02T10:00:00+01:00", duration: .hours(4),
                due: "2026-03-02T14:00:00+01:00"),
        SLACase(name: "arrives before opening", start: "2026-03-02T07:30:00+01:00", duration: .hours(4),
                due: "2026-03-02T13:00:00+01:00"),
        SLACase(name: "arrives after closing", start: "2026-03-02T18:00:00+01:00", duration: .hours(4),
                due: "2026-03-03T13:00:00+01:00"),
        SLACase(name: "arrives exactly at closing", start: "2026-03-02T17:00:00+01:00", duration: .minutes(30),
                due: "2026-03-03T09:30:00+01:00"),
        SLACase(name: "spans the close", start: "2026-03-02T15:00:00+01:00", duration: .hours(4),
                due: "2026-03-03T11:00:00+01:00"),
        SLACase(name: "fills the day to closing", start: "2026-03-02T09:00:00+01:00", duration: .hours(8),
                due: "2026-03-02T17:00:00+01:00"),
        SLACase(name: "1 day is next working day same time", start: "2026-03-02T10:30:00+01:00",
                duration: .days(1), due: "2026-03-03T10:30:00+01:00"),
        SLACase(name: "1 day from Friday skips the weekend", start: "2026-03-06T10:30:00+01:00",
                duration: .days(1), due: "2026-03-09T10:30:00+01:00"),
        SLACase(name: "1 day arriving Friday after closing", start: "2026-03-06T18:00:00+01:00",
                duration: .days(1), due: "2026-03-10T09:00:00+01:00"),
        SLACase(name: "weekend arrival starts Monday", start: "2026-03-07T12:00:00+01:00", duration: .hours(2),
                due: "2026-03-09T11:00:00+01:00"),
        SLACase(name: "Easter holidays in the interval (days)", start: "2026-04-02T10:00:00+02:00",
                duration: .days(1), due: "2026-04-07T10:00:00+02:00"),
        SLACase(name: "Easter holidays in the interval (hours)", start: "2026-04-02T15:00:00+02:00",
                duration: .hours(4), due: "2026-04-07T11:00:00+02:00"),
        SLACase(name: "arrival on a holiday", start: "2026-05-01T11:00:00+02:00", duration: .hours(1),
                due: "2026-05-04T10:00:00+02:00"),
        SLACase(name: "New Year holiday", start: "2025-12-31T12:00:00+01:00", duration: .days(1),
                due: "2026-01-02T12:00:00+01:00"),
        SLACase(name: "DST spring forward, hours", start: "2026-03-27T16:00:00+01:00", duration: .hours(4),
                due: "2026-03-30T12:00:00+02:00"),
        SLACase(name: "DST spring forward, 1 day", start: "2026-03-27T10:00:00+01:00", duration: .days(1),
                due: "2026-03-30T10:00:00+02:00"),
        SLACase(name: "DST fall back, 1 day", start: "2026-10-23T10:00:00+02:00", duration: .days(1),
                due: "2026-10-26T10:00:00+01:00"),
        SLACase(name: "3 days across a weekend", start: "2026-03-05T09:15:00+01:00", duration: .days(3),
                due: "2026-03-10T09:15:00+01:00"),
        SLACase(name: "New York DST, hours", start: "2026-03-06T16:00:00-05:00", duration: .hours(2),
                due: "2026-03-09T10:00:00-04:00", zone: "America/New_York"),
        SLACase(name: "New York sees Berlin's holiday as a working day", start: "2026-05-01T11:00:00-04:00",
                duration: .hours(1), due: "2026-05-01T12:00:00-04:00", zone: "America/New_York"),
    ])
    func dueTimeInBusinessTime(_ row: SLACase) {
        let calendar = row.zone == "Europe/Berlin" ? berlin : newYork
        #expect(calendar.adding(row.duration, to: at(row.start)) == at(row.due))
    }

    @Test func zeroDurationStartsTheClockAtTheNextOpening() {
        #expect(berlin.adding(.hours(0), to: at("2026-03-07T12:00:00+01:00")) == at("2026-03-09T09:00:00+01:00"))
    }

    @Test(arguments: [
        ("2026-03-02T08:59:59+01:00", false), ("2026-03-02T09:00:00+01:00", true), ("2026-03-02T16:59:00+01:00", true),
        ("2026-03-02T17:00:00+01:00", false), ("2026-03-07T12:00:00+01:00", false),
        ("2026-12-25T12:00:00+01:00", false),
    ])
    func openingHoursAreHalfOpen(_ instant: String, _ open: Bool) {
        #expect(berlin.isOpen(at: at(instant)) == open)
    }

    @Test func openTimeCountsOnlyWorkingHours() {
        #expect(berlin.openTime(from: at("2026-03-06T16:00:00+01:00"), to: at("2026-03-09T10:00:00+01:00")) == 7_200)
        #expect(berlin.openTime(from: at("2026-04-02T16:00:00+02:00"), to: at("2026-04-07T09:30:00+02:00")) == 5_400)
        #expect(berlin.openTime(from: at("2026-03-09T10:00:00+01:00"), to: at("2026-03-06T16:00:00+01:00")) == 0)
    }

    @Test func slaClockGivesDueTimesPerStepWithTheirOwners() throws {
        let clock = SLAClock(rules: rules)
        let start = at("2026-03-06T15:00:00+01:00")
        let assignment = try #require(clock.deadline(for: .assignment, startedAt: start))
        #expect(assignment.owner == .marketingOps)
        #expect(assignment.dueAt == at("2026-03-09T11:00:00+01:00"))
        let qa = try #require(clock.deadline(for: .qa, startedAt: start))
        #expect(qa.owner == .qaReviewer)
        #expect(qa.dueAt == at("2026-03-09T15:00:00+01:00"))
    }

    @Test func openApprovalStepsEachHaveAClockOwnedByTheirRole() throws {
        let driver = try Driver.inStage(.inApproval)
        var seasonal = Driver(.fixture(type: .seasonal))
        try ApprovalRoutingTests.toApprovals(&seasonal, requester: "ana")
        let deadlines = SLAClock(rules: rules).openDeadlines(of: seasonal.campaign)
        #expect(deadlines.map(\.owner) == [.marketingLead, .brand])
        #expect(deadlines.allSatisfy { $0.dueAt == rules.calendar.adding(.days(1), to: seasonal.now) })
        #expect(SLAClock(rules: rules).openDeadlines(of: driver.campaign).map(\.approvalStep) == ["marketing_lead"])
    }

    @Test func aDeadlineIsDueSoonWithinTheWindowOfBusinessTimeAndNotOnceMissed() throws {
        var seasonal = Driver(.fixture(type: .seasonal))
        try ApprovalRoutingTests.toApprovals(&seasonal, requester: "ana")
        let clock = SLAClock(rules: rules)
        let due = try #require(clock.openDeadlines(of: seasonal.campaign).first?.dueAt)
        let aMinuteBefore = due.addingTimeInterval(-60)
        #expect(clock.deadlinesDueSoon(of: seasonal.campaign, at: seasonal.now, within: 4 * 3600).isEmpty, "a day left")
        #expect(clock.deadlinesDueSoon(of: seasonal.campaign, at: aMinuteBefore, within: 4 * 3600).map(\.owner) == [.marketingLead, .brand])
        #expect(clock.deadlinesDueSoon(of: seasonal.campaign, at: due, within: 4 * 3600).count == 2, "due at exactly dueAt is not missed")
        #expect(clock.deadlinesDueSoon(of: seasonal.campaign, at: due.addingTimeInterval(1), within: 4 * 3600).isEmpty, "missed")
    }

    @Test func deadlineTurnsOverdueOnlyAfterItsDueTime() throws {
        let deadline = try #require(SLAClock(rules: rules).deadline(for: .assignment, startedAt: at("2026-03-02T10:00:00+01:00")))
        #expect(!deadline.isOverdue(at: at("2026-03-02T14:00:00+01:00")))
        #expect(deadline.isOverdue(at: at("2026-03-02T14:00:01+01:00")))
    }

    @Test(arguments: ["1d", "4h", "30m", "0h"])
    func durationTextRoundTrips(_ text: String) {
        #expect(BusinessDuration(text: text)?.description == text)
    }

    @Test(arguments: ["", "d", "1w", "-1d", "1.5h"])
    func malformedDurationTextIsRejected(_ text: String) {
        #expect(BusinessDuration(text: text) == nil)
    }
}
