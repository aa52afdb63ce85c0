/// The Prometheus names of ServiceKit's metrics (see STYLE.md, "Metrics").
public enum MetricName {
    /// Counter `{service,type,outcome}`: deliveries by what became of them (`handled`, `duplicate`, `already_processed`, `deadlettered`, `dropped`).
    public static let eventsHandled = "marquee_events_handled_total"
    /// Histogram `{service,type}`: time from receipt to commit of a delivery.
    public static let eventHandleSeconds = "marquee_event_handle_seconds"
    /// Counter `{service,reason}`: dead letters written.
    public static let deadLetters = "marquee_deadletters_total"
    /// Gauge `{service,consumer}`: the bus seq of the last delivery the consumer committed (records outside its
    /// topic prefixes never reach it, so the broker's `marquee_bus_head_seq` minus this bounds its lag from above).
    public static let consumerSeq = "marquee_consumer_seq"
    /// Gauge `{service}`: outbox rows not yet published.
    public static let outboxBacklog = "marquee_outbox_backlog"
}
