import ArgumentParser
import Contracts
import Domain
import Foundation

/// `marquee qa review CAMPAIGN --as USER [--pass ITEM]… [--fail ITEM=COMMENT]… [--submit]`: the human QA
/// step. Shows the campaign's QA checklist pre-filled from the automated report of its current versions; the
/// reviewer confirms or overrides items, and `--submit` records the checklist (`record_qa`). The build station
/// refuses it when the reviewer built the campaign or lacks the QA reviewer role.
struct QAReviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Complete a campaign's QA checklist (pre-filled from the automated report); --submit records it.",
        discussion: "Items: \(QAChecklist.standard.map(\.id).joined(separator: ", ")).")

    @OptionGroup var bus: BusClientOptions

    @Argument(help: "The campaign id.")
    var campaign: String

    @Option(name: .customLong("as"), help: "The QA reviewer's user id (never the campaign's builder).")
    var reviewer: String

    @Option(name: .customLong("pass"), help: "Mark a checklist item as passed.")
    var passes: [String] = []

    @Option(name: .customLong("fail"), help: "Mark a checklist item as failed: ITEM=COMMENT.")
    var failures: [String] = []

    @Flag(help: "Record the checklist; without it the checklist is only shown.")
    var submit = false

    @Option(help: "Seconds to wait for the build station's answer.")
    var wait = 10

    func validate() throws {
        let known = Set(QAChecklist.standard.map(\.id))
        for item in passes + failures.map({ String($0.prefix { $0 != "=" }) }) where !known.contains(item) {
            throw ValidationError("unknown checklist item \"\(item)\"; the items are \(known.sorted().joined(separator: ", "))")
        }
        for failure in failures where !failure.contains("=") || failure.split(separator: "=", maxSplits: 1).count < 2 {
            throw ValidationError("--fail needs ITEM=COMMENT, got \"\(failure)\"")
        }
    }

    func run() async throws {
        let client = LineClient(endpoints: try bus.endpoints, logger: bus.logger())
        let id = CampaignID(rawValue: campaign)
        guard let current = try await client.history(of: id).campaign else {
            throw CommandFailure("no campaign \(campaign) in the journal")
        }
        let report = try await client.qaReports(of: id).last { $0.documents.sameContent(as: current.documents) }
        let answers = checklist(prefilledFrom: report)
        print(QAReviewText.render(campaign: current, report: report, answers: answers))
        guard submit else {
            print("not recorded: add --submit to record it as \(QAChecklist.outcome(of: answers).rawValue)")
            return
        }
        let verdict = QAVerdict(reviewer: UserID(rawValue: reviewer), checklist: answers, documents: current.documents)
        try await CommandRun(client: client, wait: wait)
            .send(CampaignCommandIssued(campaignID: id, command: .recordQA(verdict)))
    }

    /// The automated pre-fill with the reviewer's `--pass`/`--fail` answers over it.
    func checklist(prefilledFrom report: QAReportReady?) -> [QAChecklistAnswer] {
        let findings = (report?.findings ?? []).map {
            QAChecklist.Finding(rule: $0.rule, isError: $0.severity == "error", message: $0.message)
        }
        var answers = QAChecklist.prefilled(from: findings)
        for (index, answer) in answers.enumerated() {
            if passes.contains(answer.item) { answers[index] = QAChecklistAnswer(item: answer.item, result: .pass) }
            if let failure = failures.first(where: { $0.hasPrefix(answer.item + "=") }) {
                let comment = String(failure.dropFirst(answer.item.count + 1))
                answers[index] = QAChecklistAnswer(item: answer.item, result: .fail, comment: comment)
            }
        }
        return answers
    }
}

/// The checklist as `marquee qa review` prints it.
enum QAReviewText {
    static func render(campaign: Campaign, report: QAReportReady?, answers: [QAChecklistAnswer]) -> String {
        let builders = campaign.builders.isEmpty ? "nobody yet" : campaign.builders.map(\.rawValue).joined(separator: ", ")
        var lines = ["QA checklist for \(campaign.id) (stage \(campaign.stage.rawValue), built by \(builders))"]
        if let report {
            lines.append(
                "automated report by \(report.worker): \(report.verdict.rawValue), \(report.errors) errors, "
                    + "\(report.warnings) warnings")
        } else {
            lines.append("no automated report for the current versions yet: every item starts as pass")
        }
        let titles = Dictionary(uniqueKeysWithValues: QAChecklist.standard.map { ($0.id, $0.title) })
        for answer in answers {
            let mark = answer.result == .pass ? "[pass]" : "[FAIL]"
            lines.append("  \(mark) \(answer.item.padding(toLength: 10, withPad: " ", startingAt: 0)) \(titles[answer.item] ?? "")")
            if !answer.comment.isEmpty { lines.append("         \(answer.comment)") }
        }
        lines.append("outcome: \(QAChecklist.outcome(of: answers).rawValue)")
        return lines.joined(separator: "\n")
    }
}
