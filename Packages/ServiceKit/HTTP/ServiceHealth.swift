import Bus
import Logging

/// Builds a ``HealthReport`` from the store (inbox, outbox) and a PING to the broker.
public struct ServiceHealth: Sendable {
    let service: String
    let store: ServiceStore
    let control: BusControl?
    let logger: Logger

    /// A probe for `service`; `control` is pinged for bus connectivity (`nil`: the service uses no bus).
    public init(service: String, store: ServiceStore, control: BusControl?, logger: Logger) {
        self.service = service
        self.store = store
        self.control = control
        self.logger = logger
    }

    /// The current report; never throws: what cannot be read makes it `degraded`.
    public func report() async -> HealthReport {
        var healthy = true
        var inbox: [String: UInt64] = [:]
        var backlog: Int?
        do {
            inbox = try await store.inboxSeqs()
            backlog = try await store.outboxBacklog()
        } catch {
            healthy = false
            logger.warning("health: store unreadable", metadata: [LogKey.error: "\(error)"])
        }
        var head: UInt64?
        if let control {
            do {
                head = try await control.ping().head
            } catch {
                healthy = false
                logger.debug("health: broker did not answer", metadata: [LogKey.error: "\(error)"])
            }
        }
        return HealthReport(
            service: service, status: healthy ? .ok : .degraded, inboxLastSeq: inbox, outboxBacklog: backlog,
            busConnected: control == nil || head != nil, busHead: head)
    }
}
