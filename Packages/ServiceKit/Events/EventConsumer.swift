import Bus
import Contracts
import CoreMetrics
import Logging
import ServiceLifecycle

/// Applies bus events to a service's state exactly once: subscribes from the inbox's seq + 1, decodes each
/// delivery once with the ``EventCatalog``, and per delivery runs one write transaction that records the
/// event in the inbox, runs the ``EventHandler`` and stores the events it emits in the outbox.
///
/// ```swift
/// let consumer = EventConsumer(
///     service: "intake", store: store, endpoints: runtime.options.bus, prefixes: ["campaign.request."],
///     handler: IntakeHandler(rules: rules), logger: runtime.logger)
/// try await runtime.run(relay, consumer, runtime.statusEndpoint(health: health))
/// ```
///
/// Bad input never stops it: an unreadable, unknown, schema-violating or rejected event is dead-lettered
/// (`deadletter.<topic>`, with its ``Contracts/DeadLetterReason``) in the same transaction. An event id
/// already processed is skipped. A failed write (not a rejection) rolls back and ends ``run()`` with the
/// error; a restart resumes from the inbox, so nothing is lost or applied twice.
public struct EventConsumer: Service {
    /// The service, e.g. `intake`: the `service` metric dimension and the source `marquee/<service>`.
    public let service: String
    /// The inbox key; defaults to the service name. Give each consumer in a service its own.
    public let consumer: String
    /// The topic prefixes it subscribes to.
    public let prefixes: [String]
    let store: ServiceStore
    let endpoints: BusEndpoints
    let handler: any EventHandler
    let catalog: EventCatalog
    let clock: WallClock
    let subscriberOptions: Subscriber.Options
    let metrics: ConsumerMetrics
    let logger: Logger

    /// Creates a consumer; nothing happens until ``run()``.
    public init(
        service: String, consumer: String? = nil, store: ServiceStore, endpoints: BusEndpoints, prefixes: [String],
        handler: any EventHandler, catalog: EventCatalog = .marquee, clock: WallClock = .system,
        subscriberOptions: Subscriber.Options = Subscriber.Options(),
        metricsFactory: any MetricsFactory = MetricsSystem.factory, logger: Logger
    ) {
        self.service = service
        self.consumer = consumer ?? service
        self.prefixes = prefixes
        self.store = store
        self.endpoints = endpoints
        self.handler = handler
        self.catalog = catalog
        self.clock = clock
        self.subscriberOptions = subscriberOptions
        self.metrics = ConsumerMetrics(service: service, consumer: self.consumer, factory: metricsFactory)
        var logger = logger
        logger[metadataKey: LogKey.service] = "\(service)"
        logger[metadataKey: LogKey.consumer] = "\(self.consumer)"
        self.logger = logger
    }

    /// The CloudEvents source of the dead letters it writes.
    public var source: String { "marquee/\(service)" }

    /// Consumes until cancelled or gracefully shut down; the delivery in progress commits or rolls back whole.
    public func run() async throws {
        let stored = try await store.inboxSeq(consumer: consumer)
        metrics.record(position: stored)
        let start = stored + 1
        logger.debug("consumer starting", metadata: [LogKey.busSeq: "\(start)"])
        let subscriber = try Subscriber(
            endpoints: endpoints, prefixes: prefixes, from: .seq(start), options: subscriberOptions, logger: logger)
        let ending: (any Error)? = await cancelWhenGracefulShutdown {
            await withTaskCancellationHandler {
                do {
                    for try await delivery in subscriber { try await process(delivery) }
                    return nil
                } catch where Task.isCancelled {
                    // Stopped mid-delivery: its transaction rolled back, and a restart handles it again.
                    logger.debug("consumer stopped", metadata: [LogKey.error: "\(error)"])
                    return nil
                } catch {
                    return error
                }
            } onCancel: {
                subscriber.close()
            }
        }
        subscriber.close()
        await Self.drain(subscriber)
        if let ending { throw ending }
    }

    /// Discards what the closed `subscriber` still buffers (the inbox replays it on the next start). The Bus
    /// `HandoffChannel` must be empty when freed: libdispatch traps when a semaphore is freed below its initial value.
    private static func drain(_ subscriber: Subscriber) async {
        do {
            for try await _ in subscriber {}
        } catch {
            // The stream ended with an error: nothing is buffered any more.
        }
    }
}
