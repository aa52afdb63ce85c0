import Domain
import Foundation

/// Who the line waits for, and for what: the rules behind `GET /api/work` and `GET /api/approvals`, as a pure
/// function of the user and the campaigns. The stations keep the final word; this only lists what the user could
/// do now without being refused.
///
/// - requester (their own campaigns): resubmit a held request, review the build sent to them;
/// - marketing ops and its lead: assign a triaged campaign, schedule an approved one;
/// - specialist (the campaign's own): start or restart the build, hand to self-review, send to the requester,
///   request QA once the requester approved;
/// - QA reviewer: record QA of a campaign they never built;
/// - approver roles: decide every open step of the current phase whose role they hold, unless the step bars the
///   campaign's requester and that is them.
enum WorkQueue {
    /// The work waiting for `user` across `campaigns`, oldest first.
    static func items(for user: GatewayUser, in campaigns: [Campaign]) -> [WorkItem] {
        campaigns.flatMap { items(for: user, in: $0) }.sorted { ($0.since, $0.campaignID.rawValue) < ($1.since, $1.campaignID.rawValue) }
    }

    /// The work waiting for `user` in one campaign.
    static func items(for user: GatewayUser, in campaign: Campaign) -> [WorkItem] {
        func item(_ action: WorkItem.Action, as role: Role, step: String? = nil, since: Date? = nil) -> WorkItem {
            WorkItem(
                campaignID: campaign.id, title: campaign.request.title, stage: campaign.stage, action: action, role: role,
                step: step, since: since ?? campaign.stageEnteredAt)
        }
        let isRequester = campaign.request.requester == user.id && user.roles.contains(.requester)
        let isSpecialist = campaign.specialist == user.id && user.roles.contains(.specialist)
        let opsRole = [Role.marketingOps, .marketingOpsLead].first(where: user.roles.contains)
        switch campaign.stage {
        case .heldInIntake:
            return isRequester ? [item(.resubmit, as: .requester)] : []
        case .triaged:
            return opsRole.map { [item(.assign, as: $0)] } ?? []
        case .assigned, .qaFailed:
            return isSpecialist ? [item(.startBuild, as: .specialist)] : []
        case .building:
            return isSpecialist ? [item(.submitForSelfReview, as: .specialist)] : []
        case .selfReview, .edits:
            return isSpecialist ? [item(.sendToRequester, as: .specialist)] : []
        case .requesterReview:
            if campaign.requesterApproved { return isSpecialist ? [item(.requestQA, as: .specialist)] : [] }
            return isRequester ? [item(.reviewAsRequester, as: .requester)] : []
        case .qaRequested:
            let mayReview = user.roles.contains(.qaReviewer) && !campaign.builders.contains(user.id)
            return mayReview ? [item(.recordQA, as: .qaReviewer)] : []
        case .inApproval:
            return (campaign.approvals?.openSteps ?? []).compactMap { state in
                let step = state.step
                guard user.roles.contains(step.role), !(step.distinctFromRequester && campaign.request.requester == user.id)
                else { return nil }
                return item(.decideApproval, as: step.role, step: step.id, since: state.openedAt)
            }
        case .approved:
            return opsRole.map { [item(.schedule, as: $0)] } ?? []
        case .submitted, .qaPassed, .scheduled, .live, .monitoring, .closed, .cancelled:
            return []
        }
    }
}
