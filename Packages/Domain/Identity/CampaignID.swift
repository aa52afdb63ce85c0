import Foundation

/// Identifies one campaign for its whole life. Assigned by the caller (intake), never generated here.
///
/// On the wire it is a plain JSON string, e.g. `"cmp-2026-0001"`.
public struct CampaignID: StringIdentifier {
    /// The identifier text.
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
}
