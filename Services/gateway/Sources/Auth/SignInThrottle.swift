import Foundation

/// Slows password guessing: after `limit` failed sign-ins for one key (a user id, a client address) within
/// `window`, further attempts for that key are refused until the oldest failure leaves the window. Successes do
/// not count. Kept in memory: a restart forgets (the bcrypt cost still bounds the rate).
actor SignInThrottle {
    let limit: Int
    let window: TimeInterval
    private var failures: [String: [Date]] = [:]

    init(limit: Int = 5, window: TimeInterval = 15 * 60) {
        self.limit = limit
        self.window = window
    }

    /// Seconds until any of `keys` may try again, or nil when none is blocked.
    func retryAfter(_ keys: [String], now: Date) -> Int? {
        let waits = keys.compactMap { key -> TimeInterval? in
            let recent = (failures[key] ?? []).filter { now.timeIntervalSince($0) < window }
            guard recent.count >= limit, let oldest = recent.first else { return nil }
            return window - now.timeIntervalSince(oldest)
        }
        return waits.max().map { max(1, Int($0.rounded(.up))) }
    }

    /// Counts a failed sign-in against each of `keys`.
    func fail(_ keys: [String], now: Date) {
        failures = failures.filter { _, times in times.contains { now.timeIntervalSince($0) < window } }
        for key in keys { failures[key, default: []] = (failures[key] ?? []).filter { now.timeIntervalSince($0) < window } + [now] }
    }
}
