import Contracts
import Domain
import Foundation

/// The weekly operations report: how the production line did in one ISO week.
public struct WeeklyReport: Sendable, Codable {
    public var week: ISOWeek
    public var period: ReportPeriod
    public var timeZone: String
    public var stageDurations: StageDurations
    /// SLA compliance per step (approval steps as `approval:<id>`), settled in the week.
    public var slaByStep: [SLACompliance]
    /// SLA compliance per owner role, settled in the week.
    public var slaByOwner: [SLACompliance]
    public var cycleTime: CycleTime
    /// Requested and launched per week, the report's week last (8 weeks).
    public var throughput: [WeeklyThroughput]
    /// Campaigns waiting per stage at the end of the week.
    public var queueDepth: [QueueDepth]
    /// Daily flow over the 28 days ending with the week.
    public var cumulativeFlow: CumulativeFlow
    public var editRounds: EditRounds
    public var qaYield: QAYield
    /// The 10 QA rules failing most in the week.
    public var topFailingRules: [FailingRule]
    public var approvalDelays: [ApprovalDelay]
    /// Warnings raised in the week, per kind.
    public var warningCounts: [WarningCount]
    /// The warnings raised in the week, oldest first.
    public var warnings: [ReportWarningRaised]
    /// Escalations raised by the stations in the week, per reason.
    public var escalations: [String: Int]

    /// Weeks of throughput shown.
    public static let throughputWeeks = 8
    /// Days of cumulative flow shown.
    public static let flowDays = 28

    /// The report of `week` from `data` under `rules` (calendar, SLA policies).
    public init(week: ISOWeek, data: ReportingData, rules: Rules) {
        let zone = rules.calendar.zone
        let period = week.period(in: zone)
        let clock = SLAClock(rules: rules)
        let asOf = period.end
        self.week = week
        self.period = period
        timeZone = rules.calendar.timeZone
        stageDurations = StageDurations(data.tracks, in: period, calendar: rules.calendar)
        let outcomes = data.tracks.flatMap { SLAOutcome.outcomes(of: $0, clock: clock, asOf: asOf) }
        slaByStep = SLACompliance.grouped(outcomes, in: period) { $0.stepName }
        slaByOwner = SLACompliance.grouped(outcomes, in: period) { $0.deadline.owner.rawValue }
        cycleTime = CycleTime(data.tracks, in: period, calendar: rules.calendar)
        throughput = WeeklyThroughput.weeks(ending: week, count: Self.throughputWeeks, tracks: data.tracks, zone: zone)
        queueDepth = QueueDepth.at(asOf, tracks: data.tracks)
        cumulativeFlow = CumulativeFlow(data.tracks, days: Self.flowDays, endingAt: asOf, zone: zone)
        editRounds = EditRounds(data.tracks, in: period)
        qaYield = QAYield(data.tracks, in: period)
        topFailingRules = FailingRule.top(10, of: data.qaFailures, in: period)
        approvalDelays = ApprovalDelay.byRole(data.tracks, in: period, clock: clock)
        warnings = data.warnings.filter { period.contains($0.detectedAt) }.sorted { ($0.detectedAt, $0.key) < ($1.detectedAt, $1.key) }
        warningCounts = WarningKind.allCases.compactMap { [warnings] kind in
            let raised = warnings.filter { WarningKind($0.sign) == kind }
            guard !raised.isEmpty else { return nil }
            return WarningCount(kind: kind, warnings: raised.count, campaigns: Set(raised.map(\.campaignID)).count)
        }
        escalations = Dictionary(
            data.escalations.filter { period.contains($0.raisedAt) }.map { ($0.reason.rawValue, 1) }, uniquingKeysWith: +)
    }
}
