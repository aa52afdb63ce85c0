import Foundation

/// Identifies a person (requester, specialist, reviewer, approver). Assigned by the gateway, never generated here.
///
/// On the wire it is a plain JSON string, e.g. `"ana.lopez"`.
public struct UserID: StringIdentifier {
    /// The identifier text.
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
}
