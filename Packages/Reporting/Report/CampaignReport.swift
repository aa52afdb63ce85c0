import Contracts
import Domain
import Foundation

/// The post-launch report of one campaign: its path through the line against the SLAs, the edit and QA
/// history, its warnings, and its performance against the objective's target.
public struct CampaignReport: Sendable, Codable {
    /// One stay in a stage with its business hours.
    public struct Stay: Sendable, Hashable, Codable {
        public var stage: CampaignStage
        public var start: Date
        public var end: Date?
        public var businessHours: Double
    }

    /// One channel's (or the whole campaign's) totals.
    public struct ChannelPerformance: Sendable, Hashable, Codable {
        public var channel: Channel
        public var totals: KPITotals
    }

    /// One day's totals over all channels.
    public struct DailyPerformance: Sendable, Hashable, Codable {
        public var date: Day
        public var totals: KPITotals
    }

    public var campaign: CampaignID
    public var title: String
    public var type: CampaignType
    public var objective: Objective?
    public var stage: CampaignStage
    public var asOf: Date
    public var submittedAt: Date
    public var launchedAt: Date?
    /// Launch date from the brief.
    public var launchDate: Day?
    /// Currency of the money figures (the budget's), if the brief has a budget.
    public var currency: String?
    public var stays: [Stay]
    public var sla: [SLAOutcome]
    public var editRounds: Int
    public var editRoundsAfterRequesterApproval: Int
    public var editsAfterQAPassed: Int
    public var qaVerdicts: [QAVerdictRecord]
    public var approvalWaits: [ApprovalWait]
    public var warnings: [ReportWarningRaised]
    public var channels: [ChannelPerformance]
    public var total: KPITotals
    public var daily: [DailyPerformance]
    /// The objective's target; `nil`: no target (the brief has no objective).
    public var target: KPITarget?
    /// Whether the totals reach the target; `nil` without a target or when it cannot be computed.
    public var targetMet: Bool?

    /// The report of `track` as of `asOf`.
    public init(track: CampaignTrack, data: ReportingData, rules: Rules, asOf: Date) {
        let campaign = track.campaign
        let calendar = rules.calendar
        self.campaign = campaign.id
        title = campaign.request.title
        type = campaign.request.type
        objective = campaign.request.objective
        stage = campaign.stage
        self.asOf = asOf
        submittedAt = campaign.submittedAt
        launchedAt = track.launchedAt
        launchDate = campaign.request.brief.launchDate
        currency = campaign.request.brief.budget?.currency
        stays = campaign.spans.map { span in
            Stay(
                stage: span.stage, start: span.start, end: span.end,
                businessHours: span.stage.isTerminal ? 0 : calendar.openHours(from: span.start, to: span.end ?? asOf))
        }
        sla = SLAOutcome.outcomes(of: track, clock: SLAClock(rules: rules), asOf: asOf)
        editRounds = campaign.editRounds
        editRoundsAfterRequesterApproval = campaign.editRoundsAfterRequesterApproval
        editsAfterQAPassed = campaign.editsAfterQAPassed
        qaVerdicts = track.qaVerdicts
        approvalWaits = track.approvalWaits
        warnings = data.warnings.filter { $0.campaignID == campaign.id }.sorted { ($0.detectedAt, $0.key) < ($1.detectedAt, $1.key) }
        let records = data.kpis.filter { $0.campaign == campaign.id }
        channels = Dictionary(grouping: records, by: \.channel).keys.sorted().map { channel in
            ChannelPerformance(channel: channel, totals: KPITotals(records.filter { $0.channel == channel }))
        }
        total = KPITotals(records)
        daily = Dictionary(grouping: records, by: \.date).map { DailyPerformance(date: $0.key, totals: KPITotals($0.value)) }
            .sorted { $0.date < $1.date }
        target = campaign.request.objective.map(KPITarget.default(for:))
        targetMet = target.flatMap { $0.isMet(by: total) }
    }
}
