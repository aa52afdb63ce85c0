import Domain
import Foundation

/// One thing a campaign waits for from a person: what to do (`action`, a command of docs/events.md or
/// `review_as_requester`), as which role, the approval step it is about, and since when it waits.
struct WorkItem: Codable, Sendable, Equatable {
    /// What the person is asked to do.
    enum Action: String, Codable, Sendable, CaseIterable {
        case resubmit
        case assign
        case startBuild = "start_build"
        case submitForSelfReview = "submit_for_self_review"
        case sendToRequester = "send_to_requester"
        case reviewAsRequester = "review_as_requester"
        case requestQA = "request_qa"
        case recordQA = "record_qa"
        case decideApproval = "decide_approval"
        case schedule
    }

    var campaignID: CampaignID
    var title: String
    var stage: CampaignStage
    var action: Action
    var role: Role
    /// The approval step, for `decide_approval`.
    var step: String?
    /// Since when it waits (the stage's entry, or the approval phase's opening).
    var since: Date

    private enum CodingKeys: String, CodingKey {
        case title, stage, action, role, step, since
        case campaignID = "campaign_id"
    }
}
