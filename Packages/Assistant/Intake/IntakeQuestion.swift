import Domain
import Foundation

/// What the assistant asked at the end of a turn.
public enum IntakeQuestion: Sendable, Hashable, Codable {
    /// The next missing item.
    case slot(IntakeSlot)
    /// The launch date was ambiguous; which of these days is meant.
    case whichDate([Day])
    /// Everything is there: submit this request?
    case confirm
}
