import Domain
import Contracts
import Foundation

extension WeeklyReport {
    /// The report as one HTML page with SVG charts.
    public func html() -> String {
        var page = HTMLPage(title: "Weekly operations report \(week)")
        page.paragraph(
            "\(Formatting.instant(period.start)) to \(Formatting.instant(period.end)) (\(timeZone)); durations in business hours.")
        page.heading("Time in each stage")
        page.chart(stageDurationChart.svg())
        page.table(
            ["stage", "stays", "median h", "p90 h", "max h"],
            stageDurations.byStage.map { [$0.stage.rawValue, "\($0.hours.count)", Formatting.hours($0.hours.median),
                                          Formatting.hours($0.hours.p90), Formatting.hours($0.hours.max)] })
        page.table(
            ["type", "stage", "stays", "median h"],
            stageDurations.byType.map { [$0.type.rawValue, $0.stage.rawValue, "\($0.hours.count)", Formatting.hours($0.hours.median)] })
        page.heading("SLA compliance")
        page.chart(slaComplianceChart.svg())
        page.table(["step", "met", "missed", "compliance"], slaByStep.map(Self.complianceRow))
        page.table(["owner role", "met", "missed", "compliance"], slaByOwner.map(Self.complianceRow))
        page.heading("Cycle time, request to launch")
        page.table(
            ["measure", "campaigns", "median", "p90"],
            [("calendar days", cycleTime.days), ("business hours", cycleTime.businessHours)].compactMap { name, d in
                d.map { [name, "\($0.count)", Formatting.decimal($0.median), Formatting.decimal($0.p90)] }
            })
        page.heading("Throughput")
        page.chart(throughputChart.svg())
        page.table(["week", "requested", "launched"], throughput.map { [$0.week.description, "\($0.requested)", "\($0.launched)"] })
        page.heading("Queue depth and flow")
        page.chart(queueDepthChart.svg())
        page.chart(cumulativeFlowChart.svg())
        page.heading("Edit rounds")
        page.paragraph(
            "Launched campaigns: \(editRounds.rounds?.count ?? 0); median rounds \(Formatting.decimal(editRounds.rounds?.median)), "
                + "max \(Formatting.decimal(editRounds.rounds?.max)); with rounds after requester approval: "
                + "\(editRounds.campaignsWithRoundsAfterApproval).")
        page.heading("QA")
        page.paragraph("First-pass yield \(Formatting.percent(qaYield.yield)) (\(qaYield.firstPass) of \(qaYield.campaigns)).")
        page.table(
            ["rule", "source", "failures", "campaigns"],
            topFailingRules.map { [$0.rule, $0.source.rawValue, "\($0.failures)", "\($0.campaigns)"] })
        page.heading("Approval delays")
        page.table(
            ["approver role", "decisions", "median h", "p90 h", "late"],
            approvalDelays.map { [$0.role.rawValue, "\($0.hours.count)", Formatting.hours($0.hours.median),
                                  Formatting.hours($0.hours.p90), "\($0.late)"] })
        page.heading("Warning signs")
        page.table(
            ["sign", "warnings", "campaigns"], warningCounts.map { [$0.kind.label, "\($0.warnings)", "\($0.campaigns)"] })
        page.table(
            ["campaign", "sign", "evidence", "route", "seen at"],
            warnings.map { [$0.campaignID.rawValue, WarningKind($0.sign).label, $0.evidence, Self.route($0),
                            Formatting.instant($0.detectedAt)] })
        page.heading("Escalations raised by the stations")
        page.table(["reason", "escalations"], escalations.keys.sorted().map { [$0, "\(escalations[$0] ?? 0)"] })
        return page.html()
    }

    static func complianceRow(_ row: SLACompliance) -> [String] {
        [row.name, "\(row.met)", "\(row.missed)", Formatting.percent(row.rate)]
    }

    /// Who a warning goes to, for people.
    static func route(_ warning: ReportWarningRaised) -> String {
        let who = warning.route.notifyRole?.rawValue ?? warning.route.notifyUser.map { "user \($0.rawValue)" } ?? "nobody (flag)"
        return "\(warning.route.reason.rawValue) → \(who)"
    }
}
