import Contracts

/// A handler's refusal of a well-formed event (an illegal transition, a rule it breaks): the event is
/// dead-lettered with ``reason`` and ``detail``, and the consumer goes on.
public struct HandlerRejection: Error, Sendable, Equatable, CustomStringConvertible {
    /// The dead-letter reason; `handler_rejected` unless the handler knows better.
    public var reason: DeadLetterReason
    /// What exactly was wrong, for people.
    public var detail: String

    /// A rejection with `detail`.
    public init(_ detail: String, reason: DeadLetterReason = .handlerRejected) {
        self.reason = reason
        self.detail = detail
    }

    public var description: String { "\(reason.rawValue): \(detail)" }
}
