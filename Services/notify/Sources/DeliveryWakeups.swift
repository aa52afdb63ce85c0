import ServiceKit

/// One wake-up per outgoing channel: a transaction that queued rows for a channel wakes its worker once it
/// commits, so a message does not wait for the worker's poll.
public struct DeliveryWakeups: Sendable {
    let signals: [String: OutboxSignal]

    /// Wake-ups for `channels`.
    public init(channels: [String]) {
        signals = Dictionary(uniqueKeysWithValues: channels.map { ($0, OutboxSignal()) })
    }

    /// The signal of `channel` (a fresh, unwatched one for an unknown name).
    public func signal(_ channel: String) -> OutboxSignal { signals[channel] ?? OutboxSignal() }

    /// Wakes the workers of `channels`.
    func wake(_ channels: Set<String>) {
        for channel in channels { signals[channel]?.notify() }
    }
}
