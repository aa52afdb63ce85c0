import CoreMetrics

/// One channel's Prometheus metrics, made once per worker:
/// `marquee_notifications_sent_total{channel}`, `marquee_notifications_failed_total{channel}` (gave up),
/// `marquee_notification_retries_total{channel}`, `marquee_notification_queue_depth{channel}` (pending rows) and
/// `marquee_notification_oldest_pending_seconds{channel}`.
struct DeliveryMetrics: Sendable {
    let sent: Counter
    let failed: Counter
    let retried: Counter
    let depth: Gauge
    let oldest: Gauge

    init(channel: String, factory: any MetricsFactory) {
        let dimensions = [("channel", channel)]
        sent = Counter(label: "marquee_notifications_sent_total", dimensions: dimensions, factory: factory)
        failed = Counter(label: "marquee_notifications_failed_total", dimensions: dimensions, factory: factory)
        retried = Counter(label: "marquee_notification_retries_total", dimensions: dimensions, factory: factory)
        depth = Gauge(label: "marquee_notification_queue_depth", dimensions: dimensions, factory: factory)
        oldest = Gauge(label: "marquee_notification_oldest_pending_seconds", dimensions: dimensions, factory: factory)
    }
}
