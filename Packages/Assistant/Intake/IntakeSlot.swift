import Domain
import Foundation

/// One thing the intake conversation fills: the campaign type (needed to know the MVP) or an MVP field.
public enum IntakeSlot: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The campaign type.
    case type
    /// An item of the minimum viable request.
    case field(MVPField)

    public var description: String {
        switch self {
        case .type: "type"
        case .field(let field): field.rawValue
        }
    }
}
