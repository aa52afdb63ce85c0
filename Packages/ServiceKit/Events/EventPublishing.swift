import Bus

/// Where an ``OutboxRelay`` sends outbox rows. The bus's acked `Publisher` in production; tests wrap it to
/// inject failures. Publishing the same `id` again must not store it twice.
public protocol EventPublishing: Sendable {
    /// Publishes `payload` on `topic` under the idempotency key `id`; returns the bus seq it is stored at.
    func publish(topic: String, payload: [UInt8], id: String) async throws -> UInt64
}

extension Publisher: EventPublishing {}
