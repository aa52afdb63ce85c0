import Foundation

/// The state of one planned approval step. Wire keys: `step`, `opened_at`, `sign_off`.
public struct ApprovalStepState: Sendable, Hashable, Codable {
    /// The planned step.
    public var step: PlannedApprovalStep
    /// When its phase opened (its SLA clock start); `nil` while an earlier phase is pending.
    public var openedAt: Date?
    /// The valid sign-off, if any.
    public var signOff: SignOff?

    /// Creates a step state.
    public init(step: PlannedApprovalStep, openedAt: Date? = nil, signOff: SignOff? = nil) {
        self.step = step
        self.openedAt = openedAt
        self.signOff = signOff
    }

    private enum CodingKeys: String, CodingKey {
        case step
        case openedAt = "opened_at"
        case signOff = "sign_off"
    }
}

/// The approval steps of a campaign and their sign-offs. Serial phases, parallel steps within a phase.
///
/// Wire keys: `steps`.
public struct ApprovalProgress: Sendable, Hashable, Codable {
    /// Every planned step, in matrix order.
    public var steps: [ApprovalStepState]

    /// Creates progress over planned steps, none signed.
    public init(plan: [PlannedApprovalStep]) {
        steps = plan.map { ApprovalStepState(step: $0) }
    }

    /// The first phase with an unsigned step; `nil` when every step is signed.
    public var currentPhase: Int? {
        steps.filter { $0.signOff == nil }.map(\.step.phase).min()
    }

    /// The unsigned steps of the current phase: the ones that may be decided now.
    public var openSteps: [ApprovalStepState] {
        guard let phase = currentPhase else { return [] }
        return steps.filter { $0.step.phase == phase && $0.signOff == nil }
    }

    /// Whether every step holds a valid sign-off.
    public var isComplete: Bool { steps.allSatisfy { $0.signOff != nil } }

    /// Ids of signed steps whose sign-off saw a different content of `document` than `hash`.
    public func signOffs(staleFor document: DocumentID, newHash hash: ContentHash) -> [String] {
        steps.filter { state in
            guard let signOff = state.signOff else { return false }
            return signOff.documents.hash(of: document) != hash
        }.map(\.step.id)
    }

    private enum CodingKeys: String, CodingKey {
        case steps
    }

    /// Marks the unsigned steps of the current phase as opened at `now` (those not yet opened).
    mutating func openCurrentPhase(at now: Date) {
        guard let phase = currentPhase else { return }
        for index in steps.indices where steps[index].step.phase == phase && steps[index].signOff == nil {
            if steps[index].openedAt == nil { steps[index].openedAt = now }
        }
    }
}
