import Domain

/// The kind of a ``Domain/WarningSign``, by its wire name (`long_hold`…): what reports group by.
public enum WarningKind: String, Sendable, Hashable, Codable, CaseIterable {
    case missingMVP = "missing_mvp"
    case editRoundsAfterRequesterApproval = "edit_rounds_after_requester_approval"
    case editsAfterQAPassed = "edits_after_qa_passed"
    case longHold = "long_hold"
    case missedDeadline = "missed_deadline"
    case missedLaunchDate = "missed_launch_date"

    /// The kind of `sign`.
    public init(_ sign: WarningSign) {
        switch sign {
        case .missingMVP: self = .missingMVP
        case .editRoundsAfterRequesterApproval: self = .editRoundsAfterRequesterApproval
        case .editsAfterQAPassed: self = .editsAfterQAPassed
        case .longHold: self = .longHold
        case .missedDeadline: self = .missedDeadline
        case .missedLaunchDate: self = .missedLaunchDate
        }
    }

    /// A short label for people.
    public var label: String {
        switch self {
        case .missingMVP: "Missing MVP at intake"
        case .editRoundsAfterRequesterApproval: "Edit rounds after requester approval"
        case .editsAfterQAPassed: "Edits after QA passed"
        case .longHold: "Long hold in a stage"
        case .missedDeadline: "Missed SLA deadline"
        case .missedLaunchDate: "Missed launch date"
        }
    }
}
