import Domain

/// Who may send each command through the gateway. The stations check the finer rules (the requester of *this*
/// campaign, a QA reviewer who did not build it, the approval step's role); the gateway refuses early what no
/// one in the user's roles could do, and checks itself the one rule the cancel command cannot carry (it names
/// no user): a requester cancels only their own campaigns. Commands the line issues itself
/// (`start_approvals`, `go_live`, `start_monitoring`, `close`) are not taken from people.
enum CommandPermission {
    /// The roles allowed to send `kind`, or nil when only the line issues it.
    static func roles(for kind: CommandKind, rules: Rules) -> [Role]? {
        switch kind {
        case .resubmit, .requestEdits, .approveAsRequester: [.requester]
        case .assign, .schedule: [.marketingOps, .marketingOpsLead]
        case .cancel: [.marketingOps, .marketingOpsLead, .requester]
        case .startBuild, .submitForSelfReview, .sendToRequester, .requestQA, .reviseDocument: [.specialist]
        case .recordQA: [.qaReviewer]
        case .decideApproval: approverRoles(rules)
        case .startApprovals, .goLive, .startMonitoring, .close: nil
        }
    }

    /// Whether `user` may cancel `campaign`: marketing ops may cancel any, a requester only their own.
    static func mayCancel(_ campaign: Campaign, as user: GatewayUser) -> Bool {
        user.holdsAny(of: [.marketingOps, .marketingOpsLead]) || campaign.request.requester == user.id
    }

    /// Every role that signs an approval step somewhere in the matrix.
    static func approverRoles(_ rules: Rules) -> [Role] {
        Array(Set(rules.approvals.routes.values.flatMap { $0.map(\.role) })).sorted()
    }
}
