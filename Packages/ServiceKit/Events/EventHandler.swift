import Contracts
import GRDB

/// A service's reaction to one bus event, run by an ``EventConsumer`` inside the transaction that also
/// records the event in the inbox.
///
/// ```swift
/// struct IntakeHandler: EventHandler {
///     func handle(_ event: AnyEnvelope, in db: Database, outbox: inout Outbox, context: EventContext) throws {
///         guard let submitted = event.typed(as: RequestSubmitted.self) else { return }
///         try CampaignRecord(submitted.data).insert(db)           // the service's own state
///         outbox.emit(IntakeTriaged(…))                           // events caused by it
///         if invalid { throw HandlerRejection("approve before QA passed") }   // → dead letter
///     }
/// }
/// ```
///
/// Throwing ``HandlerRejection`` undoes the handler's writes and emits and dead-letters the event; the
/// consumer goes on. Any other error (a failed write) rolls the whole transaction back and stops the
/// consumer: the event was not processed, and a restart handles it again from the inbox.
public protocol EventHandler: Sendable {
    /// Applies `event` to the state in `db` and appends the events it causes to `outbox`.
    func handle(_ event: AnyEnvelope, in db: Database, outbox: inout Outbox, context: EventContext) throws
}
