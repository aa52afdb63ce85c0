/// How many messages were handled in how long.
struct Throughput: Sendable {
    let messages: Int
    let seconds: Double

    var perSecond: Double { seconds > 0 ? Double(messages) / seconds : 0 }

    /// Runs `body`, which handles `messages` messages, and times it.
    static func measure(messages: Int, _ body: () async throws -> Void) async rethrows -> Throughput {
        let clock = ContinuousClock()
        let elapsed = try await clock.measure { try await body() }
        return Throughput(messages: messages, seconds: elapsed.seconds)
    }
}

extension Duration {
    /// The duration as fractional seconds.
    var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) / 1e18
    }
}
