import Domain
import Foundation
import Testing

@testable import GatewayService

/// Who the line waits for: one row per stage and person, the work they see (or none).
@Suite struct WorkQueueTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var stage: CampaignStage
        var user: UserID
        var expected: [WorkItem.Action]
        var requesterApproved = false
        var testDescription: String { "\(stage.rawValue) as \(user): \(expected.map(\.rawValue))" }
    }

    static let users = Dictionary(uniqueKeysWithValues: GatewayHarness.rules.people.map {
        ($0.id, GatewayUser(id: $0.id, name: $0.name, roles: $0.roles))
    })

    /// A campaign requested by mia (requester and marketing lead), built by sam.
    static func campaign(in stage: CampaignStage, requesterApproved: Bool = false) -> Campaign {
        var campaign = Campaign(id: "cmp-w", request: GatewayHarness.request(by: "mia"), submittedAt: GatewayHarness.now)
        campaign.stage = stage
        campaign.specialist = "sam"
        campaign.builders = ["sam"]
        campaign.requesterApproved = requesterApproved
        campaign.approvals = ApprovalProgress(plan: [
            PlannedApprovalStep(id: "marketing", role: .marketingLead, phase: 0, distinctFromRequester: true),
            PlannedApprovalStep(id: "legal", role: .legal, phase: 0),
            PlannedApprovalStep(id: "brand", role: .brand, phase: 1),
        ])
        return campaign
    }

    @Test(arguments: [
        Row(stage: .heldInIntake, user: "mia", expected: [.resubmit]),
        Row(stage: .heldInIntake, user: "ana", expected: []),
        Row(stage: .triaged, user: "olga", expected: [.assign]),
        Row(stage: .triaged, user: "lena", expected: [.assign]),
        Row(stage: .triaged, user: "sam", expected: []),
        Row(stage: .assigned, user: "sam", expected: [.startBuild]),
        Row(stage: .assigned, user: "sara", expected: []),
        Row(stage: .qaFailed, user: "sam", expected: [.startBuild]),
        Row(stage: .building, user: "sam", expected: [.submitForSelfReview]),
        Row(stage: .selfReview, user: "sam", expected: [.sendToRequester]),
        Row(stage: .edits, user: "sam", expected: [.sendToRequester]),
        Row(stage: .requesterReview, user: "mia", expected: [.reviewAsRequester]),
        Row(stage: .requesterReview, user: "sam", expected: []),
        Row(stage: .requesterReview, user: "sam", expected: [.requestQA], requesterApproved: true),
        Row(stage: .requesterReview, user: "mia", expected: [], requesterApproved: true),
        Row(stage: .qaRequested, user: "quinn", expected: [.recordQA]),
        Row(stage: .qaRequested, user: "sam", expected: []),
        Row(stage: .inApproval, user: "leo", expected: [.decideApproval]),
        Row(stage: .inApproval, user: "mia", expected: []),
        Row(stage: .inApproval, user: "bea", expected: []),
        Row(stage: .approved, user: "olga", expected: [.schedule]),
        Row(stage: .approved, user: "admin", expected: []),
        Row(stage: .live, user: "olga", expected: []),
    ])
    func eachStageWaitsForItsPeople(_ row: Row) {
        let user = Self.users[row.user] ?? GatewayUser(id: row.user, name: "Administrator", roles: [.admin])
        let items = WorkQueue.items(for: user, in: [Self.campaign(in: row.stage, requesterApproved: row.requesterApproved)])
        #expect(items.map(\.action) == row.expected)
    }

    @Test func approvalItemsNameTheStepAndItsRole() {
        let items = WorkQueue.items(for: Self.users["leo"]!, in: [Self.campaign(in: .inApproval)])
        #expect(items.map(\.step) == ["legal"])
        #expect(items.map(\.role) == [.legal])
    }

    @Test func aRequesterCanApproveAStepThatDoesNotBarThem() {
        var campaign = Self.campaign(in: .inApproval)
        campaign.approvals = ApprovalProgress(plan: [
            PlannedApprovalStep(id: "marketing", role: .marketingLead, phase: 0, distinctFromRequester: false)
        ])
        #expect(WorkQueue.items(for: Self.users["mia"]!, in: [campaign]).map(\.step) == ["marketing"])
    }

    @Test func aCampaignsStatusNamesEveryoneItWaitsFor() {
        let waiting = CampaignStatus.waiting(Self.campaign(in: .inApproval), users: Self.users.values.sorted { $0.id.rawValue < $1.id.rawValue })
        #expect(waiting == [CampaignStatus.Waiting(action: .decideApproval, role: .legal, step: "legal", users: ["leo"])],
                "mia requested it, so the marketing step waits for another marketing lead; brand's phase is not open")
    }
}
