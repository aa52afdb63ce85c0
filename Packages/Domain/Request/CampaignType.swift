import Foundation

/// The kind of campaign; selects the MVP fields, the approval route and the specialist role.
///
/// Wire values are snake_case: `"product_launch"`, `"event"`, `"seasonal"`, `"other"`. Usable as a
/// dictionary key in JSON/YAML objects (`CodingKeyRepresentable`).
public enum CampaignType: String, Sendable, Hashable, Codable, CaseIterable, CodingKeyRepresentable {
    case productLaunch = "product_launch"
    case event
    case seasonal
    case other
}
