import Domain
import Foundation

/// What a piece of chat text says about a date.
public enum DateAnswer: Sendable, Hashable {
    /// Exactly one day.
    case day(Day)
    /// Several days fit (`3/4` is March 4 or April 3); the assistant asks which one.
    case ambiguous([Day])
}
