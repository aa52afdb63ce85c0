/// How often and how long a channel retries one delivery: exponential backoff with full jitter.
///
/// YAML keys: `max_attempts` (default 6), `first_delay_ms` (default 1000), `max_delay_ms` (default 300000).
public struct RetryPolicy: Sendable, Hashable, Codable {
    public var maxAttempts: Int
    public var firstDelayMilliseconds: Int
    public var maxDelayMilliseconds: Int

    public init(maxAttempts: Int = 6, firstDelayMilliseconds: Int = 1000, maxDelayMilliseconds: Int = 300_000) {
        self.maxAttempts = max(1, maxAttempts)
        self.firstDelayMilliseconds = max(1, firstDelayMilliseconds)
        self.maxDelayMilliseconds = max(self.firstDelayMilliseconds, maxDelayMilliseconds)
    }

    /// What to do after attempt `attempts` (1-based) failed: retry after a delay, or give up.
    /// `jitter` in 0…1 picks the delay within the upper half of the exponential window, so it never collapses to 0.
    public func afterFailure(attempts: Int, jitter: Double) -> RetryDecision {
        guard attempts < maxAttempts else { return .giveUp }
        let exponent = min(attempts - 1, 30)
        let window = min(Double(maxDelayMilliseconds), Double(firstDelayMilliseconds) * Double(1 << exponent))
        let fraction = 0.5 + 0.5 * min(1, max(0, jitter))
        return .retry(afterMilliseconds: Int((window * fraction).rounded(.up)))
    }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case maxAttempts = "max_attempts"
        case firstDelayMilliseconds = "first_delay_ms"
        case maxDelayMilliseconds = "max_delay_ms"
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            maxAttempts: try c.decodeIfPresent(Int.self, forKey: .maxAttempts) ?? 6,
            firstDelayMilliseconds: try c.decodeIfPresent(Int.self, forKey: .firstDelayMilliseconds) ?? 1000,
            maxDelayMilliseconds: try c.decodeIfPresent(Int.self, forKey: .maxDelayMilliseconds) ?? 300_000)
    }
}

/// The outcome of ``RetryPolicy/afterFailure(attempts:jitter:)``.
public enum RetryDecision: Sendable, Hashable {
    case retry(afterMilliseconds: Int)
    case giveUp
}
