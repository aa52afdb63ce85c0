import Foundation
import Logging

/// What an ``EventHandler`` knows about the delivery it handles, besides the event.
public struct EventContext: Sendable {
    /// The event's global bus seq.
    public let seq: UInt64
    /// The time to use for this event's effects (from the consumer's ``WallClock``).
    public let now: Date
    /// A logger stamped with the event's identifiers (``Logging/Logger/handling(_:seq:)``).
    public let logger: Logger

    /// Creates a context.
    public init(seq: UInt64, now: Date, logger: Logger) {
        self.seq = seq
        self.now = now
        self.logger = logger
    }
}
