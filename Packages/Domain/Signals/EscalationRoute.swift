import Foundation

/// Why something is escalated. Wire values are snake_case.
public enum EscalationReason: String, Sendable, Hashable, Codable, CaseIterable, CodingKeyRepresentable {
    /// An approval step is past its SLA.
    case delayedApproval = "delayed_approval"
    /// A document needs a template the knowledge library does not have.
    case missingTemplate = "missing_template"
    /// The budget blocks the campaign (finance rejected it, or it cannot be routed).
    case budgetIssue = "budget_issue"
    /// Any other step is past its SLA.
    case slaBreach = "sla_breach"
}

/// Who an escalation goes to. YAML/wire: a role name, or the literal `"document_owner"`.
public enum EscalationTarget: Sendable, Hashable, Codable {
    /// Everyone holding the role.
    case role(Role)
    /// The owner of the document concerned.
    case documentOwner

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        self = text == "document_owner" ? .documentOwner : .role(Role(text))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .role(let role): try container.encode(role)
        case .documentOwner: try container.encode("document_owner")
        }
    }
}

/// What to do for one escalation reason.
///
/// YAML/wire keys: `notify`, `raise_flag` (default false), `log_request` (default false).
public struct EscalationRoute: Sendable, Hashable, Codable {
    /// Who is told.
    public var notify: EscalationTarget
    /// Whether the campaign gets a visible flag.
    public var raiseFlag: Bool
    /// Whether a request is logged to the target (e.g. "please provide the template").
    public var logRequest: Bool

    /// Creates a route.
    public init(notify: EscalationTarget, raiseFlag: Bool = false, logRequest: Bool = false) {
        self.notify = notify
        self.raiseFlag = raiseFlag
        self.logRequest = logRequest
    }

    private enum CodingKeys: String, CodingKey {
        case notify
        case raiseFlag = "raise_flag"
        case logRequest = "log_request"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        notify = try c.decode(EscalationTarget.self, forKey: .notify)
        raiseFlag = try c.decodeIfPresent(Bool.self, forKey: .raiseFlag) ?? false
        logRequest = try c.decodeIfPresent(Bool.self, forKey: .logRequest) ?? false
    }
}
