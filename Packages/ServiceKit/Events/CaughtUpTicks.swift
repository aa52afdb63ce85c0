import Logging
import ServiceLifecycle

/// A service's clock-driven work: once the consumer has caught up with the journal's head at start (so nothing
/// is judged by a half-replayed history), `tick` runs every `interval` until graceful shutdown; a failed tick is
/// logged and the next one tries again.
public enum CaughtUpTicks {
    /// Runs `tick` as described; `catchUp` nil starts at once (tests). `name` says what ticks, in the logs.
    public static func run(
        name: String, every interval: Duration, catchUp: JournalCatchUp?, store: ServiceStore, logger: Logger,
        tick: @escaping @Sendable () async throws -> Void
    ) async {
        await cancelWhenGracefulShutdown {
            if let catchUp, !(await catchUp.wait(store: store, every: interval, logger: logger)) { return }
            while !Task.isCancelled {
                do {
                    try await tick()
                } catch {
                    logger.warning("\(name) tick failed; retrying", metadata: [LogKey.error: "\(error)"])
                }
                do { try await Task.sleep(for: interval) } catch { return }
            }
        }
    }
}
