import Bus
import Foundation
import Logging

/// Whether a consumer has read every record on its prefixes up to the broker's head when it started: timers
/// (a station's SLA ticker, reporting's warning ticker) wait for it, so a service catching up after downtime
/// or rebuilding from seq 0 does not find every stage it replays overdue.
public struct JournalCatchUp: Sendable {
    let control: BusControl
    let consumer: String
    let prefixes: [String]

    /// Compares `consumer`'s inbox with the head `control` reports.
    public init(control: BusControl, consumer: String, prefixes: [String]) {
        self.control = control
        self.consumer = consumer
        self.prefixes = prefixes
    }

    /// Waits until caught up, looking every `interval`; `false` when cancelled first.
    public func wait(store: ServiceStore, every interval: Duration, logger: Logger) async -> Bool {
        var head: UInt64?
        while !Task.isCancelled {
            do {
                let target: UInt64
                if let head { target = head } else {
                    target = try await control.ping().head
                    head = target
                }
                if try await isCaughtUp(to: target, store: store) { return true }
            } catch {
                logger.debug("catch-up check failed; retrying", metadata: [LogKey.error: "\(error)"])
            }
            do { try await Task.sleep(for: interval) } catch { return false }
        }
        return false
    }

    /// Whether no record on the prefixes up to `head` is left unread.
    public func isCaughtUp(to head: UInt64, store: ServiceStore) async throws -> Bool {
        let read = try await store.inboxSeq(consumer: consumer)
        if read >= head { return true }
        for prefix in prefixes {
            let page = try await control.replay(from: read + 1, prefix: prefix, limit: 1)
            if let next = page.records.first {
                if next.seq <= head { return false }
            } else if page.through < head {
                return false  // not scanned that far yet; ask again next time
            }
        }
        return true
    }
}
