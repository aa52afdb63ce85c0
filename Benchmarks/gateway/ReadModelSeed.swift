import Contracts
import Domain
import Foundation
import GRDB
import GatewayService
import Logging
import ReportingFixtures
import ServiceKit

/// Fills the gateway's read model the way its consumer does: the generated facts of `campaigns` campaigns
/// (reporting's `SyntheticHistory`, each cut after a deterministic number of facts so the board holds every stage)
/// folded by the gateway's own ``ReadModelHandler``, ``campaignsPerTransaction`` campaigns per transaction. (Each
/// folded event registers a commit hook, and GRDB asks every registered hook about every statement: a few
/// thousand events in one transaction would cost quadratic time the consumer, one event per transaction, never pays.)
struct ReadModelSeed {
    let campaigns: Int
    let history = SyntheticHistory()
    let campaignsPerTransaction = 4

    /// Folds the facts into `store`; returns how many facts were folded and the time of the latest one.
    func fold(into store: ServiceStore, handler: ReadModelHandler, logger: Logger) async throws -> (facts: Int, latest: Date) {
        var seq: UInt64 = 0
        var latest = history.start
        for batch in stride(from: 0, to: campaigns, by: campaignsPerTransaction) {
            let envelopes = (batch..<min(batch + campaignsPerTransaction, campaigns)).flatMap { index in
                let facts = history.facts(of: index)
                return facts.prefix(cut(index, of: facts.count)).map {
                    AnyEnvelope(Envelope.make($0, source: "marquee/line", now: $0.event.occurredAt))
                }
            }
            let first = seq
            try await store.pool.write { db in
                for (offset, envelope) in envelopes.enumerated() {
                    var outbox = Outbox(source: GatewayService.source, cause: envelope.header, now: envelope.header.time)
                    let context = EventContext(seq: first + UInt64(offset) + 1, now: envelope.header.time, logger: logger)
                    try handler.handle(envelope, in: db, outbox: &outbox, context: context)
                }
            }
            seq += UInt64(envelopes.count)
            latest = max(latest, envelopes.map(\.header.time).max() ?? latest)
        }
        return (Int(seq), latest)
    }

    /// How many of campaign `index`'s `count` facts are folded: 1…count, spread by a multiplicative hash.
    func cut(_ index: Int, of count: Int) -> Int {
        1 + Int((UInt64(index) &* 0x9E37_79B9_7F4A_7C15) >> 33) % count
    }
}
