/// An outgoing channel (SMTP, a webhook): delivers queued messages.
///
/// A thrown or returned ``DeliveryFailure`` marked `permanent` is not retried; any other failure is retried
/// with backoff.
public protocol NotificationChannel: Sendable {
    /// The channel's name in the queue and in metrics: `email` or `webhook:<name>`.
    var name: String { get }
    /// Sends `delivery` once.
    func send(_ delivery: Delivery) async throws
    /// Sends each of `batch` once, in order; the failure of each, or nil when it was delivered. Defaults to
    /// ``send(_:)`` one by one; SMTP sends a batch over one session.
    func send(batch: [Delivery]) async -> [DeliveryFailure?]
}

extension NotificationChannel {
    public func send(batch: [Delivery]) async -> [DeliveryFailure?] {
        var results: [DeliveryFailure?] = []
        for delivery in batch {
            do {
                try await send(delivery)
                results.append(nil)
            } catch let failure as DeliveryFailure {
                results.append(failure)
            } catch {
                results.append(DeliveryFailure("\(error)"))
            }
        }
        return results
    }
}
