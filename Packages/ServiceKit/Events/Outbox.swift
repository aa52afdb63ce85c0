import Contracts
import Foundation
import GRDB

/// The events a transaction emits. They are stored in the same transaction as the state change, and the
/// ``OutboxRelay`` publishes them after it commits.
///
/// ```swift
/// outbox.emit(IntakeHeld(campaignID: id, missing: missing))   // caused by the event being handled
/// ```
public struct Outbox: Sendable {
    /// The producing service as a CloudEvents source, e.g. `marquee/intake`.
    public let source: String
    /// The event being handled, if any: emitted events carry its correlation id and its id as causation.
    public let cause: EnvelopeHeader?
    /// The time stamped on emitted events.
    public let now: Date
    /// What was emitted so far, in order.
    public private(set) var envelopes: [AnyEnvelope] = []

    /// An empty outbox.
    public init(source: String, cause: EnvelopeHeader?, now: Date) {
        self.source = source
        self.cause = cause
        self.now = now
    }

    /// Emits `event` as caused by ``cause``, at ``now``; give a deterministic `id` to make a re-emit idempotent.
    @discardableResult
    public mutating func emit<Payload: Event>(_ event: Payload, id: UUID = UUID()) -> Envelope<Payload> {
        let envelope = Envelope.make(event, source: source, causedBy: cause, id: id, now: now)
        envelopes.append(AnyEnvelope(envelope))
        return envelope
    }

    /// Appends a complete envelope.
    public mutating func append(_ envelope: AnyEnvelope) {
        envelopes.append(envelope)
    }

    /// Stores the envelopes as outbox rows; returns how many rows were added.
    func save(in db: Database) throws -> Int {
        var added = 0
        for envelope in envelopes {
            let inserted = try OutboxRow.insert(
                id: Inbox.key(envelope.header.id), topic: envelope.header.type.rawValue,
                payload: try envelope.encoded(), createdAt: now, in: db)
            if inserted { added += 1 }
        }
        return added
    }
}
