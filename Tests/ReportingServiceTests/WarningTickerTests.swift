import Contracts
import Foundation
import GRDB
import Reporting
import ReportingFixtures
import ReportingService
import ServiceKit
import ServiceTestKit
import Synchronization
import Testing

/// The ticker finds the signs that only time makes, once each, at the clock's time.
@Suite struct WarningTickerTests {
    @Test func idleCampaignsGetTheirTimeSignsOnce() async throws {
        let store = try await FoldedStore.fixedHistory()
        let now = Mutex(FixedHistory.at(20, 17))
        let ticker = WarningTicker(
            store: store, detector: WarningDetector(rules: FixedHistory.rules), clock: WallClock { now.withLock { $0 } },
            interval: .seconds(1), catchUp: nil, logger: .quiet)
        // Fri 17:00: C's edits (from Thu 15:00) were due Fri 15:00.
        #expect(try await ticker.tick() == 1)
        #expect(try await ticker.tick() == 0)
        // Wed 25 Nov 12:00: A's edits (from Fri 16:30) were due Mon 16:30, its long hold starts only Wed 16:30;
        // C's edits (from Thu 15:00) passed 3 business days on Tue 15:00.
        now.withLock { $0 = FixedHistory.at(25, 12) }
        #expect(try await ticker.tick() == 2)
        let warnings = try await store.pool.read { db in try ReportingStore.data(in: db).warnings }
        let timed = warnings.filter { $0.detectedAt >= FixedHistory.at(20, 17) }.map(\.key).sorted()
        #expect(timed == [
            "cmp-a/missed_deadline/edits@\(Int(FixedHistory.at(23, 16, 30).timeIntervalSince1970))",
            "cmp-c/long_hold/edits@\(Int(FixedHistory.at(19, 15).timeIntervalSince1970))",
            "cmp-c/missed_deadline/edits@\(Int(FixedHistory.at(20, 15).timeIntervalSince1970))",
        ])
        let outbox = try await store.pool.read { db in
            try String.fetchAll(db, sql: "SELECT topic FROM outbox ORDER BY position")
        }
        #expect(outbox == Array(repeating: ReportWarningRaised.topic.rawValue, count: 3))
    }
}
