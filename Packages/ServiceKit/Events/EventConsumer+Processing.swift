import Bus
import Contracts
import Foundation
import GRDB
import Logging

extension EventConsumer {
    /// A delivery decoded once: the event, or why it is not one (with its header when that much was readable).
    enum Decoded: Sendable {
        case event(AnyEnvelope)
        case invalid(EnvelopeDecodingError, header: EnvelopeHeader?)

        var header: EnvelopeHeader? {
            switch self {
            case .event(let event): event.header
            case .invalid(_, let header): header
            }
        }
    }

    /// Decodes, applies in one transaction, wakes the relay, then logs and counts what became of `delivery`.
    /// Returns the outcome; throws when the transaction failed (nothing of it was stored).
    @discardableResult
    func process(_ delivery: Delivery) async throws -> DeliveryOutcome {
        let started = ContinuousClock.now
        let decoded = decode(delivery)
        let now = clock.now()
        let logger = decoded.header.map { self.logger.handling($0, seq: delivery.seq) }
            ?? self.logger.handling(seq: delivery.seq)
        let (outcome, appended): (DeliveryOutcome, Int)
        do {
            (outcome, appended) = try await store.pool.write { db in
                try apply(delivery, decoded, now: now, logger: logger, in: db)
            }
        } catch {
            logger.error("event not processed; the consumer stops", metadata: [LogKey.error: "\(error)"])
            throw error
        }
        if appended > 0 { store.outboxSignal.notify() }
        let type = decoded.header.map { $0.type.rawValue } ?? "unknown"
        metrics.record(type: type, outcome: outcome, duration: .now - started)
        if outcome != .alreadyProcessed { metrics.record(position: delivery.seq) }
        switch outcome {
        case .handled, .alreadyProcessed:
            logger.trace("event processed", metadata: ["outcome": "\(outcome.label)"])
        case .duplicate:
            logger.debug("duplicate event skipped")
        case .deadLettered(let reason):
            logger.warning("event dead-lettered", metadata: [LogKey.reason: "\(reason.rawValue)"])
        case .dropped(let reason):
            logger.error("bad event dropped without a dead letter", metadata: [LogKey.reason: "\(reason.rawValue)"])
        }
        return outcome
    }

    func decode(_ delivery: Delivery) -> Decoded {
        let bytes = Data(delivery.payload)
        do {
            return .event(try catalog.decode(bytes, topic: delivery.topic))
        } catch {
            // Only on the failure path: read what header there is, for dedupe and the dead letter's ids.
            let header: EnvelopeHeader?
            do { header = try EnvelopeHeader.decode(bytes) } catch { header = nil }
            return .invalid(error, header: header)
        }
    }

    /// The transaction: dedupe, handle or dead-letter, record the inbox, store the outbox.
    /// Returns the outcome and how many outbox rows were added.
    func apply(_ delivery: Delivery, _ decoded: Decoded, now: Date, logger: Logger, in db: Database) throws
        -> (DeliveryOutcome, Int)
    {
        guard delivery.seq > (try Inbox.lastSeq(consumer: consumer, in: db)) else { return (.alreadyProcessed, 0) }
        let header = decoded.header
        if let header, try Inbox.isProcessed(header.id, consumer: consumer, in: db) {
            try Inbox.record(consumer: consumer, seq: delivery.seq, in: db)
            return (.duplicate, 0)
        }
        var outbox = Outbox(source: source, cause: header, now: now)
        let outcome: DeliveryOutcome
        switch decoded {
        case .event(let event):
            do {
                let context = EventContext(seq: delivery.seq, now: now, logger: logger)
                try db.inSavepoint {
                    try handler.handle(event, in: db, outbox: &outbox, context: context)
                    return .commit
                }
                outcome = .handled
            } catch let rejection as HandlerRejection {
                outbox = Outbox(source: source, cause: header, now: now)
                outcome = deadLetter(delivery, reason: rejection.reason, detail: rejection.detail, into: &outbox)
            }
        case .invalid(let error, _):
            outcome = deadLetter(delivery, reason: error.reason, detail: error.detail, into: &outbox)
        }
        if let header { try Inbox.markProcessed(header.id, seq: delivery.seq, consumer: consumer, in: db) }
        try Inbox.record(consumer: consumer, seq: delivery.seq, in: db)
        return (outcome, try outbox.save(in: db))
    }

    /// Appends `deadletter.<topic>` for `delivery` to `outbox`, unless it cannot have one.
    private func deadLetter(_ delivery: Delivery, reason: DeadLetterReason, detail: String, into outbox: inout Outbox)
        -> DeliveryOutcome
    {
        guard let original = Topic(rawValue: delivery.topic), !original.isDeadLetter else { return .dropped(reason) }
        let cause = outbox.cause
        let letter = DeadLetter(
            originalTopic: original, seq: delivery.seq, reason: reason, detail: detail, attempts: 1,
            lastWorker: source, originalID: cause?.id)
        outbox.append(
            AnyEnvelope(
                Envelope(
                    id: UUID(), source: source, time: MarqueeJSON.wireDate(outbox.now), subject: cause?.subject,
                    correlationID: cause?.correlationID, causationID: cause?.id, data: letter)))
        return .deadLettered(reason)
    }
}
