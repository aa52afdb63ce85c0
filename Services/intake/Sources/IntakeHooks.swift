import Contracts
import Domain
import GRDB
import ServiceKit
import StationKit

/// Intake's additions to the line: after each triage it tells people the outcome — `campaign.intake.held`
/// with the exact missing MVP items for the requester, or `campaign.intake.triaged` with the role to
/// assign for marketing ops.
public struct IntakeHooks: StationHooks {
    public init() {}

    public func decided(_ facts: [CampaignFactRecorded], campaign: Campaign, in db: Database, outbox: inout Outbox) {
        for fact in facts {
            guard case .triaged(let decision) = fact.event.fact else { continue }
            switch decision {
            case .hold(let missing):
                outbox.emit(
                    IntakeHeld(
                        campaignID: campaign.id, requester: campaign.request.requester,
                        campaignType: campaign.request.type, missing: missing, holdCount: campaign.holdCount),
                    id: DerivedEventID.named("intake.held/\(campaign.id)/\(fact.version)"))
            case .assign(let role):
                outbox.emit(
                    IntakeTriaged(
                        campaignID: campaign.id, campaignType: campaign.request.type, assignTo: role,
                        holdCount: campaign.holdCount),
                    id: DerivedEventID.named("intake.triaged/\(campaign.id)/\(fact.version)"))
            }
        }
    }
}
