import Foundation

/// When a pattern in a campaign's history becomes a warning sign.
///
/// YAML/wire keys: `edit_rounds_after_requester_approval`, `edits_after_qa_passed`, `long_hold`.
public struct WarningThresholds: Sendable, Hashable, Codable {
    /// Copy-edit rounds requested after the requester approved that make a warning ("several").
    public var editRoundsAfterRequesterApproval: Int
    /// Edits (requested or revised documents) after QA passed that make a warning.
    public var editsAfterQAPassed: Int
    /// Business time in one stage after which the campaign is on a long hold.
    public var longHold: BusinessDuration

    /// Creates thresholds.
    public init(editRoundsAfterRequesterApproval: Int = 2, editsAfterQAPassed: Int = 1,
                longHold: BusinessDuration = .days(3)) {
        self.editRoundsAfterRequesterApproval = editRoundsAfterRequesterApproval
        self.editsAfterQAPassed = editsAfterQAPassed
        self.longHold = longHold
    }

    private enum CodingKeys: String, CodingKey {
        case editRoundsAfterRequesterApproval = "edit_rounds_after_requester_approval"
        case editsAfterQAPassed = "edits_after_qa_passed"
        case longHold = "long_hold"
    }
}
