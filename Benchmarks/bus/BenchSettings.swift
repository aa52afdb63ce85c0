import Logging

/// What every benchmark needs: the broker executable, the baselines, sizes and a logger.
struct BenchSettings: Sendable {
    /// Path of the `marquee-bus` executable to start.
    let bus: String
    let baselines: Baselines
    /// Publishes per acked-publish and fan-out run.
    let count: Int
    /// Journaled records replayed.
    let replayCount: Int
    /// Records published while the subscriber is paused.
    let pausedCount: Int
    /// Records per queue-group run.
    let groupCount: Int
    /// Publishes in flight per publisher.
    let window: Int
    let logger: Logger

    /// Generous time for a subscriber to receive `count` records before it is called stuck.
    func patience(_ count: Int) -> Double {
        60 + Double(count) / 10_000
    }
}
