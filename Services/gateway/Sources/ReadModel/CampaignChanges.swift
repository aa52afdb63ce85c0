import Domain
import Synchronization

/// Tells the open dashboard pages (`GET /events`) which campaigns changed: the read model announces a campaign
/// after each commit that touched it; every listener gets every id announced after it started listening.
/// `Sendable`: the listeners are behind a `Mutex`.
public final class CampaignChanges: Sendable {
    private let listeners = Mutex<[Int: AsyncStream<CampaignID>.Continuation]>([:])
    private let nextID = Atomic<Int>(0)

    public init() {}

    /// Sends `campaign` to every listener.
    public func announce(_ campaign: CampaignID) {
        for listener in listeners.withLock({ Array($0.values) }) { listener.yield(campaign) }
    }

    /// A stream of the campaigns announced from now on; it ends its listening when the consumer stops iterating.
    public func stream() -> AsyncStream<CampaignID> {
        let id = nextID.wrappingAdd(1, ordering: .relaxed).newValue
        let (stream, continuation) = AsyncStream.makeStream(of: CampaignID.self, bufferingPolicy: .bufferingNewest(256))
        continuation.onTermination = { [weak self] _ in
            _ = self?.listeners.withLock { $0.removeValue(forKey: id) }
        }
        listeners.withLock { $0[id] = continuation }
        return stream
    }
}
