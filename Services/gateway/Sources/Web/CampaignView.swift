import Contracts
import Domain
import Foundation

/// The campaign page's content: the summary with its SLA badge and open deadlines, every version of every
/// document (revised on the line) with the current and approved ones marked, the approval steps, the full history
/// of facts, the refused commands and the automated QA reports, and the commands the signed-in user may send in
/// its stage.
struct CampaignView: Sendable {
    struct Deadline: Sendable {
        var step: String
        var owner: String
        var due: String
    }

    struct Document: Sendable {
        var id: String
        var version: Int
        var hash: String
        var current: Bool
        var approved: Bool
    }

    struct ApprovalStep: Sendable {
        var id: String
        var role: String
        var phase: Int
        var opened: String?
        var signedBy: String?
        var signedAt: String?
    }

    struct Fact: Sendable {
        var version: Int
        var type: String
        var stage: String
        var at: String
        var detail: String
    }

    struct Refusal: Sendable {
        var command: String
        var code: String
        var message: String
    }

    struct Report: Sendable {
        struct Finding: Sendable {
            var document: String
            var rule: String
            var severity: String
            var message: String
        }

        var verdict: String
        var errors: Int
        var findings: [Finding]
    }

    var card: CampaignCard
    var objective: String?
    var goal: String?
    var audience: String?
    var keyMessage: String?
    var channels: String
    var slaDue: String?
    var deadlines: [Deadline]
    var documents: [Document]
    var approvals: [ApprovalStep]
    var history: [Fact]
    var refusals: [Refusal]
    var reports: [Report]
    var actions: CommandForms
    var notice: String?
    var csrf: String

    init(_ detail: CampaignDetail, reports: [QAReportReady], actions: CommandForms, notice: String?, csrf: String) {
        let campaign = detail.campaign
        let brief = campaign.request.brief
        card = CampaignCard(detail.summary)
        objective = campaign.request.objective?.rawValue
        goal = brief.goal
        audience = brief.audience
        keyMessage = brief.keyMessage
        channels = brief.channels.map(\.rawValue).joined(separator: ", ")
        slaDue = detail.summary.slaDueAt.map(Self.time)
        deadlines = detail.deadlines.map {
            Deadline(step: $0.approvalStep ?? $0.step.rawValue, owner: $0.owner.rawValue, due: Self.time($0.dueAt))
        }
        let revised = detail.history.compactMap { recorded -> DocumentVersion? in
            guard case .documentRevised(let version) = recorded.event.fact else { return nil }
            return version
        }
        documents = (revised + campaign.documents.filter { !revised.contains($0) })
            .sorted { ($0.document.rawValue, $0.version) < ($1.document.rawValue, $1.version) }
            .map { version in
                Document(
                    id: version.document.rawValue, version: version.version,
                    hash: String(version.contentHash.rawValue.prefix(12)),
                    current: campaign.documents.contains(version), approved: campaign.approvedVersions.contains(version)
                )
            }
        approvals = (campaign.approvals?.steps ?? []).map {
            ApprovalStep(
                id: $0.step.id, role: $0.step.role.rawValue, phase: $0.step.phase, opened: $0.openedAt.map(Self.time),
                signedBy: $0.signOff?.approver.rawValue, signedAt: $0.signOff.map { Self.time($0.at) })
        }
        history = detail.history.reversed().map { recorded in
            Fact(
                version: recorded.version, type: recorded.event.fact.type.rawValue, stage: recorded.stage.label,
                at: Self.time(recorded.event.occurredAt),
                detail: (try? MarqueeJSON.encode(recorded.event.fact)).map { String(decoding: $0, as: UTF8.self) } ?? ""
            )
        }
        refusals = detail.rejections.reversed().map {
            Refusal(command: $0.commandType.rawValue, code: $0.code, message: $0.message)
        }
        self.reports = reports.reversed().map { report in
            Report(
                verdict: report.verdict.rawValue, errors: report.errors,
                findings: report.findings.map {
                    .init(document: $0.document.rawValue, rule: $0.rule, severity: $0.severity, message: $0.message)
                })
        }
        self.actions = actions
        self.notice = notice
        self.csrf = csrf
    }

    /// An instant as people read it: `2026-11-17 10:00 UTC`.
    static func time(_ date: Date) -> String {
        String(date.formatted(.iso8601).replacingOccurrences(of: "T", with: " ").dropLast(4)) + " UTC"
    }
}
