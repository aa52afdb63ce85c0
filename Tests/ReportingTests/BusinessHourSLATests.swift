import Domain
import Foundation
import Reporting
import ReportingFixtures
import Testing

/// Campaign A's SLAs in business hours (09–17 UTC, weekend, holiday on Wed 18 Nov), by hand.
@Suite struct BusinessHourSLATests {
    struct Row: Sendable, CustomTestStringConvertible {
        var step: String
        var due: Date
        var hours: Double
        var status: SLAOutcome.Status
        var testDescription: String { step }
    }

    static let asOf = FixedHistory.at(20, 17)

    static func outcomes() throws -> [SLAOutcome] {
        let track = try #require(try FixedHistory.ledger().tracks[FixedHistory.a])
        return SLAOutcome.outcomes(of: track, clock: SLAClock(rules: FixedHistory.rules), asOf: asOf)
    }

    @Test(arguments: [
        // Triaged Fri 16:00; 4 h = Fri 16–17 + Mon 09–12; assigned Mon 10:00 = 1 + 1 h across the weekend.
        Row(step: "assignment", due: FixedHistory.at(16, 12), hours: 2, status: .met),
        Row(step: "build_start", due: FixedHistory.at(17, 10), hours: 1, status: .met),
        // Started Mon 11:00; 2 days skip the holiday: Tue 11:00, Thu 11:00. Done Thu 10:00 after 6 + 8 + 1 h.
        Row(step: "build", due: FixedHistory.at(19, 11), hours: 15, status: .met),
        Row(step: "self_review", due: FixedHistory.at(19, 14), hours: 2, status: .met),
        // Sent Thu 12:00, due Fri 12:00, edits asked Fri 16:30: 5 + 7.5 h.
        Row(step: "requester_review", due: FixedHistory.at(20, 12), hours: 12.5, status: .missed),
        // Edits from Fri 16:30, due Mon 23 16:30 over the weekend; 0.5 h so far.
        Row(step: "edits", due: FixedHistory.at(23, 16, 30), hours: 0.5, status: .running),
    ])
    func stepAgainstItsSLA(_ row: Row) throws {
        let outcome = try #require(try Self.outcomes().first { $0.stepName == row.step })
        #expect(outcome.deadline.dueAt == row.due)
        #expect(outcome.businessHours == row.hours)
        #expect(outcome.status == row.status)
    }

    @Test func everyStayWithAnSLAHasOneOutcome() throws {
        #expect(try Self.outcomes().map(\.stepName) == [
            "assignment", "build_start", "build", "self_review", "requester_review", "edits",
        ])
    }

    @Test func holidayMovesTheDueTime() {
        var rules = FixedHistory.rules
        rules.calendar.holidays = []
        let due = SLAClock(rules: rules).deadline(for: .build, startedAt: FixedHistory.at(16, 11))?.dueAt
        #expect(due == FixedHistory.at(18, 11))
    }
}
