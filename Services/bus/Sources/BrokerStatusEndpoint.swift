import Broker
import Foundation
import Logging
import Prometheus
import ServiceKit

extension BrokerHealth: HealthReporting {}

/// The broker's `/metrics` (``BrokerMetricName``) and `/health` (``BrokerHealth``), on `--http HOST:PORT`.
enum BrokerStatusEndpoint {
    /// The metrics factory behind `/metrics`, with commit-latency buckets from 50 µs to 1 s.
    static func metricsFactory(registry: PrometheusCollectorRegistry) -> PrometheusMetricsFactory {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets[BrokerMetricName.commitSeconds] = [
            .microseconds(50), .microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1),
            .milliseconds(2.5), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
            .milliseconds(100), .milliseconds(250), .seconds(1),
        ]
        return factory
    }

    /// The endpoint; prints `marquee-bus http=HOST:PORT` once listening.
    static func make(
        address: HTTPAddress, broker: Broker, registry: PrometheusCollectorRegistry, logger: Logger
    ) -> StatusEndpoint {
        StatusEndpoint(
            host: address.host, port: address.port, registry: registry, health: { broker.health() },
            onReady: { bound in writeLine("marquee-bus http=\(bound)") }, logger: logger)
    }
}
