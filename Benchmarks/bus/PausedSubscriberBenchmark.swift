import Bus

/// A `Subscriber` whose consumer does not read while records are published: the broker drops for it past
/// the fan-out high-water mark, so its memory stays bounded (peak RSS printed); once the consumer
/// reads again, the subscriber replays the gap and receives every record, in order.
enum PausedSubscriberBenchmark {
    static func run(_ settings: BenchSettings) async throws {
        let count = settings.pausedCount
        try await BrokerProcess.with(executable: settings.bus, flush: "os") { broker in
            let idle = broker.residentBytes
            let subscriber = try Subscriber(endpoints: broker.endpoints, from: .seq(1), logger: settings.logger)
            defer { subscriber.close() }
            let published = try await RawPublisher(ingress: broker.endpoints.ingress, window: settings.window)
                .publish(count: count)
            let peakWhilePaused = broker.peakResidentBytes
            var check = SeqCheck()
            let catchUp = try await Throughput.measure(messages: count) {
                check = try await subscriber.take(count, within: settings.patience(count))
            }
            var text = "paused subscriber while \(Report.quantity(Double(count))) x 1KB were published"
            text += " (flush=os, \(Report.rate(published.perSecond))): broker peak RSS \(Report.megabytes(peakWhilePaused))"
            text += " (idle \(Report.megabytes(idle)), payload published \(Report.megabytes(count * Workload.payloadBytes)));"
            text += " then caught up in \(Report.seconds(catchUp.seconds)): \(check.summary)"
            text += check.isComplete(count) ? ", all \(count) in seq order" : " [INCOMPLETE of \(count)]"
            text += "; peak RSS after catch-up \(Report.megabytes(broker.peakResidentBytes))"
            Report.emit(text)
        }
    }
}
