import Domain
import Foundation
import GRDB
import Hummingbird
import Logging
import ServiceKit

/// `/work`: what waits for the signed-in user, one section per role they hold; `/approvals`: the approval steps
/// open for their roles. Both re-fetch when a campaign changes.
extension DashboardRoutes {
    struct WorkView {
        struct Item {
            var card: CampaignCard
            var why: String
        }

        struct Section {
            var role: String
            var items: [Item]
        }

        var heading: String
        var intro: String
        var sections: [Section]
    }

    func workPage(_ actor: Actor) async throws -> Response {
        let now = clock.now()
        let rows = try await rows(matching: try CampaignFilter(query: ["limit": "\(CampaignFilter.maxLimit)"]))
        let me = actor.user.id
        let sections = actor.user.roles.map { role in
            let items = rows.compactMap { row -> WorkView.Item? in
                let campaign = row.campaign
                guard let why = Self.work(for: role, me: me, on: campaign) else { return nil }
                return WorkView.Item(
                    card: CampaignCard(CampaignSummary(row, now: now, calendar: rules.calendar)), why: why)
            }
            return WorkView.Section(role: role.rawValue, items: items)
        }
        let view = WorkView(heading: "My work", intro: "What waits for you, by role.", sections: sections)
        return renderer.page(
            "work", view, chrome: PageChrome(title: "My work", path: "/work", actor: actor, live: "campaigns"))
    }

    func approvalsPage(_ actor: Actor) async throws -> Response {
        let now = clock.now()
        let rows = try await rows(
            matching: try CampaignFilter(query: [
                "stage": CampaignStage.inApproval.rawValue, "limit": "\(CampaignFilter.maxLimit)",
            ]))
        let items = rows.flatMap { row in
            Self.openSteps(for: actor.user, on: row.campaign).map { state in
                WorkView.Item(
                    card: CampaignCard(CampaignSummary(row, now: now, calendar: rules.calendar)),
                    why: "approval step \(state.step.id) (\(state.step.role.rawValue))"
                        + (state.openedAt.map { ", open since \(CampaignView.time($0))" } ?? ""))
            }
        }
        let view = WorkView(
            heading: "Approvals inbox", intro: "Approval steps open for your roles; decide them on the campaign page.",
            sections: [WorkView.Section(role: "approvals", items: items)])
        return renderer.page(
            "work", view, chrome: PageChrome(title: "Approvals", path: "/approvals", actor: actor, live: "campaigns"))
    }

    /// The open approval steps of `campaign` that `user` may decide.
    static func openSteps(for user: GatewayUser, on campaign: Campaign) -> [ApprovalStepState] {
        guard campaign.stage == .inApproval else { return [] }
        return (campaign.approvals?.openSteps ?? []).filter {
            user.roles.contains($0.step.role)
                && !($0.step.distinctFromRequester && campaign.request.requester == user.id)
        }
    }

    /// What `campaign` waits for from `me` in `role`, if anything.
    static func work(for role: Role, me: UserID, on campaign: Campaign) -> String? {
        let stage = campaign.stage
        switch role {
        case .requester where campaign.request.requester == me:
            switch stage {
            case .heldInIntake: return "held: complete the request"
            case .requesterReview: return "review the build"
            default: return stage.isTerminal ? nil : "yours, \(stage.label.lowercased())"
            }
        case .marketingOps, .marketingOpsLead:
            switch stage {
            case .triaged: return "assign a specialist"
            case .approved: return "schedule"
            default: return nil
            }
        case .specialist where campaign.specialist == me:
            switch stage {
            case .assigned: return "start the build"
            case .building: return "build, then submit for self-review"
            case .selfReview, .edits: return "send to the requester"
            case .qaFailed: return "fix what QA found"
            default: return nil
            }
        case .qaReviewer where stage == .qaRequested && !campaign.builders.contains(me):
            return "review QA"
        default:
            guard stage == .inApproval else { return nil }
            return campaign.approvals?.openSteps.first {
                $0.step.role == role && !($0.step.distinctFromRequester && campaign.request.requester == me)
            }.map { "approve step \($0.step.id)" }
        }
    }
}
