import Contracts
import CoreMetrics
import Synchronization

/// An ``EventConsumer``'s metrics: each label set's metric is made once, then reused.
/// `Sendable`: the caches are behind a `Mutex`.
final class ConsumerMetrics: Sendable {
    private let service: String
    private let factory: any MetricsFactory
    private let handled = Mutex<[String: Counter]>([:])
    private let durations = Mutex<[String: Timer]>([:])
    private let deadLetters = Mutex<[DeadLetterReason: Counter]>([:])
    private let position: Gauge

    init(service: String, consumer: String, factory: any MetricsFactory) {
        self.service = service
        self.factory = factory
        position = Gauge(
            label: MetricName.consumerSeq, dimensions: [("service", service), ("consumer", consumer)], factory: factory)
    }

    /// The seq of the last delivery committed (or stored before a start).
    func record(position seq: UInt64) {
        position.record(Double(seq))
    }

    /// Counts one delivery of `type` with `outcome`, and its time when it reached the handler or the outbox.
    func record(type: String, outcome: DeliveryOutcome, duration: Duration) {
        let counter = handled.withLock { cache in
            let key = type + "\u{0}" + outcome.label
            if let counter = cache[key] { return counter }
            let counter = Counter(
                label: MetricName.eventsHandled,
                dimensions: [("service", service), ("type", type), ("outcome", outcome.label)], factory: factory)
            cache[key] = counter
            return counter
        }
        counter.increment()
        switch outcome {
        case .handled, .deadLettered:
            let timer = durations.withLock { cache in
                if let timer = cache[type] { return timer }
                let timer = Timer(
                    label: MetricName.eventHandleSeconds, dimensions: [("service", service), ("type", type)],
                    factory: factory)
                cache[type] = timer
                return timer
            }
            timer.recordNanoseconds(Self.nanoseconds(duration))
        case .duplicate, .alreadyProcessed, .dropped:
            break
        }
        if case .deadLettered(let reason) = outcome {
            let counter = deadLetters.withLock { cache in
                if let counter = cache[reason] { return counter }
                let counter = Counter(
                    label: MetricName.deadLetters, dimensions: [("service", service), ("reason", reason.rawValue)],
                    factory: factory)
                cache[reason] = counter
                return counter
            }
            counter.increment()
        }
    }

    private static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
