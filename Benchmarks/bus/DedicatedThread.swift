import ZeroMQ

/// Runs blocking socket work on a thread of its own, so it never ties up Swift's cooperative pool.
enum DedicatedThread {
    /// Runs `body` on a new thread named `name` and returns its result.
    static func run<T: Sendable>(name: String, _ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            SocketThread.start(name: name) { continuation.resume(with: Result { try body() }) }
        }
    }
}
