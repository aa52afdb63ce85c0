import Domain

/// The command forms a campaign page offers the signed-in user: the commands the campaign's stage accepts that
/// one of the user's roles may send (``CommandPermission``). The stations still decide; a refusal comes back on
/// the page. A held request is completed on the request form (`resubmit`), QA is recorded on the checklist page;
/// `revise_document` is sent by the build station when a document arrives.
struct CommandForms: Sendable {
    /// A form sending one command with no input but the button.
    struct Button: Sendable {
        var type: String
        var label: String
    }

    /// An open approval step the user may decide.
    struct ApprovalStep: Sendable {
        var step: String
        var role: String
    }

    /// The assignment form: the specialists to choose from.
    struct Assignment: Sendable {
        var specialists: [SelectOption]
    }

    var buttons: [Button]
    var assign: Assignment?
    var requestEdits: Bool
    var cancel: Bool
    var schedule: Bool
    var decide: [ApprovalStep]
    var qaChecklist: Bool
    /// Whether the user may complete and resubmit the held request (on the request form).
    var resubmit: Bool
    var campaignID: String

    var isEmpty: Bool {
        buttons.isEmpty && assign == nil && !requestEdits && !cancel && !schedule && decide.isEmpty && !qaChecklist
            && !resubmit
    }

    static let buttonLabels: [CommandKind: String] = [
        .startBuild: "Start build", .submitForSelfReview: "Submit for self-review",
        .sendToRequester: "Send to requester",
        .approveAsRequester: "Approve as requester", .requestQA: "Request QA",
    ]

    init(campaign: Campaign, user: GatewayUser, rules: Rules) {
        func may(_ kind: CommandKind) -> Bool {
            campaign.stage.allowedCommands.contains(kind)
                && (CommandPermission.roles(for: kind, rules: rules).map(user.holdsAny) ?? false)
        }
        campaignID = campaign.id.rawValue
        buttons = [CommandKind.startBuild, .submitForSelfReview, .sendToRequester, .approveAsRequester, .requestQA]
            .filter(may).map {
                Button(type: $0.rawValue, label: Self.buttonLabels[$0] ?? $0.rawValue)
            }
        assign =
            may(.assign)
            ? Assignment(
                specialists: rules.people.filter { $0.roles.contains(.specialist) }.map {
                    SelectOption(value: $0.id.rawValue, label: $0.name, selected: $0.id == campaign.specialist)
                }) : nil
        requestEdits = may(.requestEdits)
        cancel = may(.cancel) && CommandPermission.mayCancel(campaign, as: user)
        schedule = may(.schedule)
        decide =
            may(.decideApproval)
            ? (campaign.approvals?.openSteps ?? []).filter { user.roles.contains($0.step.role) }.map {
                ApprovalStep(step: $0.step.id, role: $0.step.role.rawValue)
            } : []
        qaChecklist = may(.recordQA)
        resubmit = may(.resubmit) && campaign.request.requester == user.id
    }
}
