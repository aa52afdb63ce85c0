import Contracts
import Domain
import Foundation
import GRDB
import ServiceKit
import ServiceTestKit
import Testing

@Suite struct ServiceStoreTests {
    struct Abort: Error {}

    @Test func aStateChangeAndTheEventsItEmitsCommitTogetherOrNotAtAll() async throws {
        let files = try TestStore()
        let store = try files.open()
        let clock = ManualClock()
        let insert = "INSERT INTO effects (event_id, campaign_id, seq) VALUES ('timer', 'cmp-1', 0)"

        await #expect(throws: Abort.self) {
            try await store.write(source: "marquee/test", now: clock.now) { db, outbox in
                try db.execute(sql: insert)
                outbox.emit(CampaignAssigned(campaignID: "cmp-1", assignee: "sam.lee", role: .specialist))
                throw Abort()
            }
        }
        #expect(try await Effect.all(in: store).isEmpty)
        #expect(try await store.outboxBacklog() == 0)

        let emitted = try await store.write(source: "marquee/test", now: clock.now) { db, outbox in
            try db.execute(sql: insert)
            return outbox.emit(CampaignAssigned(campaignID: "cmp-1", assignee: "sam.lee", role: .specialist))
        }
        #expect(try await Effect.all(in: store).count == 1)
        let rows = try await StoredOutboxRow.all(in: store)
        #expect(rows.map(\.id) == [emitted.id.uuidString.lowercased()])
        #expect(rows.map(\.topic) == ["campaign.assigned"])
        #expect(emitted.time == clock.now)
        // The commit woke the relay's signal.
        try await withTimeout(.seconds(5), "the outbox signal") { await store.outboxSignal.wait(upTo: .seconds(600)) }
        try files.remove()
    }

    @Test func pruningDeletesOnlyOldPublishedRows() async throws {
        let files = try TestStore()
        let store = try files.open()
        let now = Date()
        var ids: [String] = []
        for days in [10.0, 9, 8] {
            let written = now.addingTimeInterval(-days * 86_400)
            let emitted = try await store.write(source: "marquee/test", now: written) { _, outbox in
                outbox.emit(CampaignAssigned(campaignID: "cmp-1", assignee: "sam.lee", role: .specialist))
            }
            ids.append(emitted.id.uuidString.lowercased())
        }
        // The oldest was published ten days ago, the newest now (both written long ago by the business clock);
        // the middle one never was.
        try await store.pool.write { [ids] db in
            try db.execute(
                sql: "UPDATE outbox SET sent_seq = 1, sent_at = ? WHERE id = ?",
                arguments: [now.addingTimeInterval(-10 * 86_400).timeIntervalSince1970, ids[0]])
            try db.execute(
                sql: "UPDATE outbox SET sent_seq = 2, sent_at = ? WHERE id = ?", arguments: [now.timeIntervalSince1970, ids[2]])
        }
        #expect(try await store.pruneSentOutbox(publishedBefore: now.addingTimeInterval(-7 * 86_400)) == 1)
        #expect(try await StoredOutboxRow.all(in: store).map(\.id) == [ids[1], ids[2]])
        #expect(try await store.outboxBacklog() == 1)
        try files.remove()
    }

    @Test func reopeningKeepsDataAndAppliesMigrationsOnce() async throws {
        let files = try TestStore()
        var store = try files.open()
        _ = try await store.write(source: "marquee/test", now: Date()) { _, outbox in
            outbox.emit(CampaignAssigned(campaignID: "cmp-1", assignee: "sam.lee", role: .specialist))
        }
        store = try files.open()
        #expect(try await store.outboxBacklog() == 1)
        let applied = try await store.pool.read { db in try DatabaseMigrator().appliedIdentifiers(db) }
        #expect(applied == ["servicekit.v1", "servicekit.v2", "test.v1"])
        try files.remove()
    }
}
