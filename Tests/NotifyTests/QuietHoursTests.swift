import Domain
import Foundation
import Testing

@testable import NotifyService

@Suite struct QuietHoursTests {
    static let berlin = TimeZone(identifier: "Europe/Berlin")!

    struct Row: Sendable, CustomTestStringConvertible {
        var from: String
        var to: String
        var now: String
        var release: String
        var testDescription: String { "\(from)–\(to) at \(now)" }
    }

    @Test(arguments: [
        Row(from: "20:00", to: "08:00", now: "2026-03-02T19:59:00+01:00", release: "2026-03-02T19:59:00+01:00"),
        Row(from: "20:00", to: "08:00", now: "2026-03-02T20:00:00+01:00", release: "2026-03-03T08:00:00+01:00"),
        Row(from: "20:00", to: "08:00", now: "2026-03-03T07:30:00+01:00", release: "2026-03-03T08:00:00+01:00"),
        Row(from: "20:00", to: "08:00", now: "2026-03-03T08:00:00+01:00", release: "2026-03-03T08:00:00+01:00"),
        Row(from: "12:00", to: "13:30", now: "2026-03-02T12:15:00+01:00", release: "2026-03-02T13:30:00+01:00"),
        Row(from: "12:00", to: "13:30", now: "2026-03-02T13:30:00+01:00", release: "2026-03-02T13:30:00+01:00"),
        Row(from: "09:00", to: "09:00", now: "2026-03-02T09:00:00+01:00", release: "2026-03-02T09:00:00+01:00"),
        // The night DST starts in Berlin (29 March 2026): 08:00 local is 06:00 UTC, not 07:00.
        Row(from: "22:00", to: "08:00", now: "2026-03-28T23:00:00+01:00", release: "2026-03-29T08:00:00+02:00"),
    ])
    func emailInsideQuietHoursWaitsUntilTheyEnd(_ row: Row) throws {
        let quiet = QuietHours(from: try #require(TimeOfDay(text: row.from)), to: try #require(TimeOfDay(text: row.to)))
        #expect(quiet.release(at(row.now), fallbackZone: Self.berlin) == at(row.release))
    }

    @Test func theirOwnTimeZoneWinsOverTheCalendars() throws {
        let quiet = QuietHours(from: try #require(TimeOfDay(text: "20:00")), to: try #require(TimeOfDay(text: "08:00")), timeZone: "America/New_York")
        // 21:00 in Berlin is 15:00 in New York: not quiet there.
        #expect(quiet.release(at("2026-03-02T21:00:00+01:00"), fallbackZone: Self.berlin) == at("2026-03-02T21:00:00+01:00"))
        #expect(quiet.release(at("2026-03-03T03:00:00+01:00"), fallbackZone: Self.berlin) == at("2026-03-03T08:00:00-05:00"))
    }
}

@Suite struct RetryPolicyTests {
    let policy = RetryPolicy(maxAttempts: 5, firstDelayMilliseconds: 1000, maxDelayMilliseconds: 5000)

    @Test func delaysDoubleWithinJitterUpToTheCap() {
        #expect(policy.afterFailure(attempts: 1, jitter: 0) == .retry(afterMilliseconds: 500))
        #expect(policy.afterFailure(attempts: 1, jitter: 1) == .retry(afterMilliseconds: 1000))
        #expect(policy.afterFailure(attempts: 2, jitter: 1) == .retry(afterMilliseconds: 2000))
        #expect(policy.afterFailure(attempts: 3, jitter: 0.5) == .retry(afterMilliseconds: 3000))
        #expect(policy.afterFailure(attempts: 4, jitter: 1) == .retry(afterMilliseconds: 5000))
    }

    @Test func givesUpAfterTheLastAttempt() {
        #expect(policy.afterFailure(attempts: 5, jitter: 0.5) == .giveUp)
        #expect(RetryPolicy(maxAttempts: 1).afterFailure(attempts: 1, jitter: 0) == .giveUp)
    }

    @Test func jitterOutsideZeroToOneIsClamped() {
        #expect(policy.afterFailure(attempts: 1, jitter: -3) == .retry(afterMilliseconds: 500))
        #expect(policy.afterFailure(attempts: 1, jitter: 7) == .retry(afterMilliseconds: 1000))
    }
}
