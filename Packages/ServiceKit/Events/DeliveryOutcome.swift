import Contracts

/// What an ``EventConsumer`` did with one delivery; ``label`` is the `outcome` metric dimension.
enum DeliveryOutcome: Sendable, Equatable {
    /// The handler applied it.
    case handled
    /// Its event id was processed before (a re-publish): skipped, the inbox advanced.
    case duplicate
    /// Its seq is not after the inbox's: already processed, nothing done.
    case alreadyProcessed
    /// Unreadable, unknown, invalid or rejected: written to the outbox as a `DeadLetter`.
    case deadLettered(DeadLetterReason)
    /// Bad, but not dead-letterable (it is a dead letter itself, or its topic frame is not a valid topic):
    /// logged, counted and skipped.
    case dropped(DeadLetterReason)

    /// `handled`, `duplicate`, `already_processed`, `deadlettered` or `dropped`.
    var label: String {
        switch self {
        case .handled: "handled"
        case .duplicate: "duplicate"
        case .alreadyProcessed: "already_processed"
        case .deadLettered: "deadlettered"
        case .dropped: "dropped"
        }
    }
}
