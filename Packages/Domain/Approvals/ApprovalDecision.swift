import Foundation

/// An approver's verdict. Wire values: `"approved"`, `"rejected"`.
public enum ApprovalVerdict: String, Sendable, Hashable, Codable {
    case approved
    case rejected
}

/// An approver's decision on one approval step, bound to the document versions they saw.
///
/// Wire keys: `step`, `approver`, `verdict`, `comments`, `documents`.
public struct ApprovalDecision: Sendable, Hashable, Codable {
    /// The approval step's id.
    public var step: String
    /// Who decides.
    public var approver: UserID
    /// Approve or reject.
    public var verdict: ApprovalVerdict
    /// Why; required when rejecting.
    public var comments: String?
    /// The versions the approver saw; must be the campaign's current versions.
    public var documents: [DocumentVersion]

    /// Creates a decision.
    public init(step: String, approver: UserID, verdict: ApprovalVerdict, comments: String? = nil,
                documents: [DocumentVersion]) {
        self.step = step
        self.approver = approver
        self.verdict = verdict
        self.comments = comments
        self.documents = documents
    }

    private enum CodingKeys: String, CodingKey {
        case step
        case approver
        case verdict
        case comments
        case documents
    }
}

/// A recorded approval, valid only for the document versions it names.
///
/// Wire keys: `approver`, `at`, `documents`.
public struct SignOff: Sendable, Hashable, Codable {
    /// Who signed.
    public var approver: UserID
    /// When.
    public var at: Date
    /// The versions signed.
    public var documents: [DocumentVersion]

    /// Creates a sign-off.
    public init(approver: UserID, at: Date, documents: [DocumentVersion]) {
        self.approver = approver
        self.at = at
        self.documents = documents
    }

    private enum CodingKeys: String, CodingKey {
        case approver
        case at
        case documents
    }
}
