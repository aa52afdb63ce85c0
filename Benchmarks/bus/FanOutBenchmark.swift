import Bus

/// Publisher → broker → subscriber (flush `os`, the path without waiting for the disk) against raw libzmq
/// PUB/SUB: the end-to-end rate at which the subscriber receives, from when publishing starts to the last
/// record. Once with raw sockets on both ends (the broker's capacity), once with the Bus library's
/// `Publisher` and `Subscriber`.
enum FanOutBenchmark {
    static func run(_ settings: BenchSettings) async throws {
        let count = settings.count
        let (rawCheck, raw) = try await BrokerProcess.with(executable: settings.bus, flush: "os") { broker in
            let (subscribed, markSubscribed) = AsyncStream<Void>.makeStream()
            let subscriber = RawSubscriber(fanout: broker.endpoints.fanout)
            async let received = subscriber.receive(count: count) { markSubscribed.finish() }
            for await _ in subscribed {}
            _ = try await RawPublisher(ingress: broker.endpoints.ingress, window: settings.window).publish(count: count)
            return try await received
        }
        Report.emit(line("raw DEALER → broker → raw SUB (broker capacity)", raw, rawCheck, count, settings))

        let (library, libraryCheck) = try await BrokerProcess.with(executable: settings.bus, flush: "os") { broker in
            let subscriber = try Subscriber(endpoints: broker.endpoints, from: .seq(1), logger: settings.logger)
            defer { subscriber.close() }
            let clock = ContinuousClock()
            let start = clock.now
            async let check = subscriber.take(count, within: settings.patience(count))
            _ = try await PublisherLoad(ingress: broker.endpoints.ingress, window: settings.window, logger: settings.logger)
                .publish(count: count)
            let result = try await check
            return (Throughput(messages: result.received, seconds: (clock.now - start).seconds), result)
        }
        Report.emit(line("Swift Publisher → broker → Swift Subscriber", library, libraryCheck, count, settings))
    }

    private static func line(_ path: String, _ ours: Throughput, _ check: SeqCheck, _ count: Int, _ settings: BenchSettings) -> String {
        var text = "fan-out 1KB flush=os, \(path): \(Report.rate(ours.perSecond)) "
        text += Report.versus(ours, settings.baselines.zmqPubSub, "raw libzmq PUB/SUB", goal: 0.8)
        if !check.isComplete(count) { text += " [INCOMPLETE: \(check.summary) of \(count)]" }
        return text
    }
}
