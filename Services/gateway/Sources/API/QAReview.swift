import Contracts
import Domain

/// The QA checklist of a campaign as the reviewer starts it: pre-filled from the automated report of the
/// campaign's current document versions, as `marquee qa review` does (an item with an error finding starts as
/// failed, its findings as the comment; without a report every item starts as passed).
struct QAReview: Codable, Sendable, Equatable {
    /// One checklist item with its title and pre-filled answer.
    struct Item: Codable, Sendable, Equatable {
        var item: String
        var title: String
        var result: QAChecklistResult
        var comment: String
    }

    var campaignID: CampaignID
    var stage: CampaignStage
    var builders: [UserID]
    var documents: [DocumentVersion]
    /// The automated report the answers come from, if one covers the current versions.
    var report: QAReportReady?
    var checklist: [Item]
    /// What the pre-filled answers give.
    var outcome: QAOutcome

    init(campaign: Campaign, reports: [QAReportReady]) {
        campaignID = campaign.id
        stage = campaign.stage
        builders = campaign.builders
        documents = campaign.documents
        report = reports.last { $0.documents.sameContent(as: campaign.documents) }
        let findings = (report?.findings ?? []).map {
            QAChecklist.Finding(rule: $0.rule, isError: $0.severity == "error", message: $0.message)
        }
        let answers = QAChecklist.prefilled(from: findings)
        let titles = Dictionary(uniqueKeysWithValues: QAChecklist.standard.map { ($0.id, $0.title) })
        checklist = answers.map { Item(item: $0.item, title: titles[$0.item] ?? $0.item, result: $0.result, comment: $0.comment) }
        outcome = QAChecklist.outcome(of: answers)
    }

    private enum CodingKeys: String, CodingKey {
        case campaignID = "campaign_id"
        case stage, builders, documents, report, checklist, outcome
    }
}
