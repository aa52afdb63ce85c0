import Contracts
import Domain
import Foundation
import GRDB
import Hummingbird
import Logging
import ServiceKit

/// `/campaigns/{id}/qa`: the QA checklist pre-filled from the automated report of the current versions
/// (``QAReview``), its findings beside it; posting records it as the signed-in reviewer the API's way
/// (``QARoutes/record(_:for:by:)``). An incomplete checklist or the build station's refusal re-renders the page.
extension DashboardRoutes {
    struct QAView {
        struct Item {
            var item: String
            var title: String
            var pass: Bool
            var comment: String
        }

        struct Finding {
            var document: String
            var rule: String
            var severity: String
            var message: String
        }

        var campaignID: String
        var stage: String
        var documents: String
        var hasReport: Bool
        var findings: [Finding]
        var items: [Item]
        var outcome: String
        var builders: String
        var notice: String?
        var csrf: String
    }

    func qaPage(
        _ id: CampaignID, _ actor: Actor, answers: [QAChecklistAnswer]? = nil, notice: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        guard let review = try await qa.prefilled(id) else { throw GatewayProblem.unknownCampaign(id.rawValue) }
        let given = Dictionary((answers ?? []).map { ($0.item, $0) }, uniquingKeysWith: { $1 })
        let view = QAView(
            campaignID: id.rawValue, stage: review.stage.label,
            documents: review.documents.map { "\($0.document.rawValue) v\($0.version)" }.joined(separator: ", "),
            hasReport: review.report != nil,
            findings: (review.report?.findings ?? []).map {
                QAView.Finding(
                    document: $0.document.rawValue, rule: $0.rule, severity: $0.severity, message: $0.message)
            },
            items: review.checklist.map { item in
                let answer = given[item.item]
                return QAView.Item(
                    item: item.item, title: item.title, pass: (answer?.result ?? item.result) == .pass,
                    comment: answer?.comment ?? item.comment)
            },
            outcome: review.outcome.rawValue, builders: review.builders.map(\.rawValue).joined(separator: ", "),
            notice: notice,
            csrf: actor.csrf ?? "")
        return renderer.page(
            "qa", view, chrome: PageChrome(title: "QA checklist", path: "/campaigns/qa", actor: actor), status: status)
    }

    func recordQA(_ request: Request, id: CampaignID, _ actor: Actor) async throws -> Response {
        let form = try await WebForm.read(request)
        let actor = try await auth.writer(of: request, formToken: form["_csrf"] ?? "")
        guard let review = try await qa.prefilled(id) else { throw GatewayProblem.unknownCampaign(id.rawValue) }
        let answers = review.checklist.map { item in
            QAChecklistAnswer(
                item: item.item, result: form["result_\(item.item)"] == QAChecklistResult.fail.rawValue ? .fail : .pass,
                comment: form["comment_\(item.item)"] ?? "")
        }
        do {
            _ = try await qa.record(answers, for: id, by: actor)
            return Self.redirect("/campaigns/\(id.rawValue)")
        } catch let problem as GatewayProblem where problem.statusCode != 404 {
            let fields = (problem.errors ?? []).map(\.detail)
            return try await qaPage(
                id, actor, answers: answers,
                notice: "\(problem.title): " + ([problem.detail] + fields).joined(separator: " — "),
                status: HTTPResponse.Status(code: problem.statusCode))
        }
    }
}
