import Bus

/// Durable acked publish through `marquee-bus`, for both flush policies, against NATS JetStream's acked
/// publish: once through the Bus library's `Publisher`, once through a raw DEALER (the broker's capacity).
enum AckedPublishBenchmark {
    static func run(_ settings: BenchSettings) async throws {
        for flush in ["os", "fsync"] {
            let library = try await BrokerProcess.with(executable: settings.bus, flush: flush) { broker in
                try await PublisherLoad(ingress: broker.endpoints.ingress, window: settings.window, logger: settings.logger)
                    .publish(count: settings.count)
            }
            Report.emit(line(flush, "Swift Publisher, window \(settings.window)", library, settings.baselines))
            let raw = try await BrokerProcess.with(executable: settings.bus, flush: flush) { broker in
                try await RawPublisher(ingress: broker.endpoints.ingress, window: settings.window).publish(count: settings.count)
            }
            Report.emit(line(flush, "raw DEALER, \(settings.window) in flight (broker capacity)", raw, settings.baselines))
        }
    }

    private static func line(_ flush: String, _ client: String, _ ours: Throughput, _ baselines: Baselines) -> String {
        var text = "acked publish 1KB flush=\(flush), \(client): \(Report.rate(ours.perSecond)) "
        text += Report.versus(ours, baselines.jetStreamPublish, "JetStream acked", goal: flush == "os" ? 1.0 : nil)
        if flush == "fsync" { text += "; " + Report.versus(ours, baselines.redisAlways, "Redis AOF always") }
        return text
    }
}
