import Domain
import Foundation

/// Answers the line questions ("status of…", "what is blocking…", "who approves…", "what's due this week")
/// from a snapshot of the campaigns, the rules and today's date.
public struct LineAnswers: Sendable {
    /// The campaigns the assistant knows.
    public var campaigns: [CampaignSummary]
    /// The rules (approval matrix, people).
    public var rules: Rules
    /// The day the question is asked on.
    public var today: Day

    /// Creates the answerer.
    public init(campaigns: [CampaignSummary], rules: Rules, today: Day) {
        self.campaigns = campaigns
        self.rules = rules
        self.today = today
    }

    /// The campaign `name` refers to: its id, its exact title, or the only title containing it.
    public func lookUp(_ name: String) -> Result<CampaignSummary, LookupProblem> {
        let wanted = name.lowercased().trimmingCharacters(in: .punctuationCharacters.union(.whitespaces))
        if let exact = campaigns.first(where: { $0.id.rawValue.lowercased() == wanted || $0.request.title.lowercased() == wanted }) {
            return .success(exact)
        }
        let partial = campaigns.filter { !wanted.isEmpty && $0.request.title.lowercased().contains(wanted) }
        switch partial.count {
        case 0: return .failure(.unknown(name))
        case 1: return .success(partial[0])
        default: return .failure(.ambiguous(partial.map(\.id)))
        }
    }

    /// The answer to `intent`, or `nil` when the intent is not a line question.
    public func answer(_ intent: AssistantIntent) -> String? {
        switch intent {
        case .status(let name): return withCampaign(name, status)
        case .blocking(let name): return withCampaign(name, blocking)
        case .approvers(let name): return withCampaign(name, approvers)
        case .dueThisWeek: return dueThisWeek()
        default: return nil
        }
    }

    private func withCampaign(_ name: String, _ answer: (CampaignSummary) -> String) -> String {
        switch lookUp(name) {
        case .success(let campaign): answer(campaign)
        case .failure(.unknown): "I don't know a campaign called \"\(name)\"."
        case .failure(.ambiguous(let ids)): "Several campaigns match \"\(name)\": \(ids.map(\.rawValue).joined(separator: ", ")). Which one?"
        }
    }

    func status(_ campaign: CampaignSummary) -> String {
        let launch = campaign.request.brief.launchDate.map { "; launch \(IntakePrompts.spoken($0))" } ?? ""
        return "\(campaign.request.title) (\(campaign.id)) is \(Self.stageName(campaign.stage))\(launch)."
    }

    func blocking(_ campaign: CampaignSummary) -> String {
        let title = campaign.request.title
        switch campaign.stage {
        case .heldInIntake:
            let items = campaign.missing.map { IntakePrompts.name(.field($0)) }.joined(separator: ", ")
            return "\(title) is held in intake until the requester adds: \(items)."
        case .inApproval:
            let waiting = pendingSteps(campaign).map { "\($0.id) (\(names(holding: $0.role)))" }.joined(separator: ", ")
            return "\(title) is waiting for approval from: \(waiting)."
        case .qaFailed: return "\(title) failed QA; the specialist is fixing the findings."
        default: return "Nothing is blocking \(title); it is \(Self.stageName(campaign.stage))."
        }
    }

    func approvers(_ campaign: CampaignSummary) -> String {
        let steps = rules.approvals.route(campaign.request)
        guard !steps.isEmpty else { return "\(campaign.request.title) needs no approvals." }
        let phases = Dictionary(grouping: steps, by: \.phase).sorted { $0.key < $1.key }.map { entry in
            entry.value.map { step in
                let done = campaign.approvedSteps.contains(step.id) ? ", approved" : ""
                return "\(step.id) (\(names(holding: step.role))\(done))"
            }.joined(separator: " and ")
        }
        return "\(campaign.request.title) is approved by " + phases.joined(separator: ", then ") + "."
    }

    func dueThisWeek() -> String {
        let weekday = (today.gregorianWeekday + 5) % 7
        let monday = today.adding(days: -weekday)
        let sunday = monday.adding(days: 6)
        var items: [(Day, String)] = []
        for campaign in campaigns where campaign.stage != .closed && campaign.stage != .cancelled {
            if let launch = campaign.request.brief.launchDate, (monday...sunday).contains(launch) {
                items.append((launch, "\(campaign.request.title) launches"))
            }
            for milestone in campaign.request.timeline where (monday...sunday).contains(milestone.due) {
                items.append((milestone.due, "\(campaign.request.title): \(milestone.name)"))
            }
        }
        guard !items.isEmpty else { return "Nothing is due this week." }
        return "Due this week:\n"
            + items.sorted { $0.0 < $1.0 }.map { "- \(IntakePrompts.spoken($0.0)): \($0.1)" }.joined(separator: "\n")
    }

    private func pendingSteps(_ campaign: CampaignSummary) -> [PlannedApprovalStep] {
        let steps = rules.approvals.route(campaign.request).filter { !campaign.approvedSteps.contains($0.id) }
        guard let phase = steps.map(\.phase).min() else { return [] }
        return steps.filter { $0.phase == phase }
    }

    private func names(holding role: Role) -> String {
        let people = rules.people(holding: role).map(\.name)
        return people.isEmpty ? role.rawValue : people.joined(separator: " or ")
    }

    static func stageName(_ stage: CampaignStage) -> String {
        switch stage {
        case .heldInIntake: "held in intake"
        case .inApproval: "in approval"
        case .qaRequested: "waiting for QA"
        default: stage.rawValue.replacingOccurrences(of: "_", with: " ")
        }
    }
}

/// Why a campaign name did not pick one campaign.
public enum LookupProblem: Error, Sendable, Hashable {
    /// No campaign has that id or title.
    case unknown(String)
    /// Several titles contain it.
    case ambiguous([CampaignID])
}
