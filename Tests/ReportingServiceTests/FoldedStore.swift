import Contracts
import Foundation
import GRDB
import ReportingFixtures
import ReportingService
import ServiceKit
import ServiceTestKit

/// Stores with a history folded in by the reporting handler, without a bus.
enum FoldedStore {
    /// A store with the fixed history folded in, as the consumer would.
    static func fixedHistory() async throws -> ServiceStore {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("reporting-http-\(UUID().uuidString).sqlite").path
        let store = try ServiceStore(path: path) { ReportingStore.register(&$0) }
        let handler = ReportingHandler(rules: FixedHistory.rules)
        for (seq, envelope) in FixedHistory.envelopes.enumerated() {
            try await store.pool.write { db in
                var outbox = Outbox(source: ReportingService.source, cause: envelope.header, now: envelope.header.time)
                try handler.handle(
                    envelope, in: db, outbox: &outbox,
                    context: EventContext(seq: UInt64(seq + 1), now: envelope.header.time, logger: .quiet))
            }
        }
        return store
    }

}
