import Bus
import Logging

/// Publishes through the Bus library's `Publisher`: `window` tasks, each awaiting its publishes one after
/// another, keep the publisher's in-flight window full without a task per message.
struct PublisherLoad: Sendable {
    let ingress: String
    let window: Int
    let logger: Logger

    /// Publishes `count` records of `Workload` (ids `bench-0` …) and returns once every one is acknowledged.
    func publish(count: Int) async throws -> Throughput {
        let publisher = try Publisher(ingress: ingress, options: Publisher.Options(window: window), logger: logger)
        let tasks = min(window, count)
        let throughput = try await Throughput.measure(messages: count) {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for first in 0..<tasks {
                    group.addTask {
                        for index in stride(from: first, to: count, by: tasks) {
                            _ = try await publisher.publish(topic: Workload.topic, payload: Workload.payload, id: "bench-\(index)")
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
        await publisher.close()
        return throughput
    }
}
