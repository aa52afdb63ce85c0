import Domain
import Contracts
import Foundation

extension CampaignReport {
    /// The report as one HTML page with SVG charts.
    public func html() -> String {
        var page = HTMLPage(title: "Campaign report: \(title) (\(campaign.rawValue))")
        page.paragraph(
            "Type \(type.rawValue), objective \(objective?.rawValue ?? "none"), stage \(stage.rawValue); submitted "
                + "\(Formatting.instant(submittedAt)), launched \(Formatting.instant(launchedAt)), launch date "
                + "\(launchDate?.iso ?? "–"). As of \(Formatting.instant(asOf)).")
        page.heading("Path through the line")
        page.chart(stageChart.svg())
        page.table(
            ["stage", "entered", "left", "business h"],
            stays.map { [$0.stage.rawValue, Formatting.instant($0.start), Formatting.instant($0.end), Formatting.hours($0.businessHours)] })
        page.heading("SLAs")
        page.table(
            ["step", "owner", "started", "due", "ended", "business h", "status"],
            sla.map { [$0.stepName, $0.deadline.owner.rawValue, Formatting.instant($0.deadline.startedAt),
                       Formatting.instant($0.deadline.dueAt), Formatting.instant($0.endedAt), Formatting.hours($0.businessHours),
                       $0.status.rawValue] })
        page.heading("Edits, QA and approvals")
        page.paragraph(
            "Edit rounds \(editRounds) (after requester approval \(editRoundsAfterRequesterApproval)); edits after QA passed "
                + "\(editsAfterQAPassed).")
        page.table(
            ["QA at", "outcome", "findings"],
            qaVerdicts.map { [Formatting.instant($0.at), $0.outcome.rawValue, $0.findings.joined(separator: "; ")] })
        page.table(
            ["approval step", "role", "opened", "decided", "verdict"],
            approvalWaits.map { [$0.step.id, $0.step.role.rawValue, Formatting.instant($0.openedAt), Formatting.instant($0.decidedAt),
                                 $0.verdict.rawValue] })
        page.heading("Warning signs")
        page.table(
            ["sign", "evidence", "route", "seen at"],
            warnings.map { [WarningKind($0.sign).label, $0.evidence, WeeklyReport.route($0), Formatting.instant($0.detectedAt)] })
        page.heading("Performance")
        page.paragraph(targetSentence)
        page.table(
            ["channel", "impressions", "clicks", "opens", "conversions", "spend", "revenue", "CTR", "conv. rate", "CPA", "ROAS"],
            channels.map { performanceRow($0.channel.rawValue, $0.totals) } + (channels.isEmpty ? [] : [performanceRow("total", total)]))
        if !daily.isEmpty {
            page.chart(kpiTrendChart.svg())
            page.chart(moneyTrendChart.svg())
        }
        return page.html()
    }

    /// The target and whether it is met, in one sentence.
    var targetSentence: String {
        guard let target else { return "No target: the brief has no objective." }
        let value = target.metric == .cpa ? Formatting.money(target.value, currency: currency) : Formatting.decimal(target.value)
        let reached = total.value(of: target.metric).map { Formatting.decimal($0) } ?? "–"
        let verdict = targetMet.map { $0 ? "met" : "not met" } ?? "not measurable yet"
        return "Target for \(objective?.rawValue ?? "") campaigns: \(target.metric.rawValue) "
            + "\(target.metric.lowerIsBetter ? "≤" : "≥") \(value); reached \(reached): \(verdict)."
    }

    func performanceRow(_ name: String, _ t: KPITotals) -> [String] {
        [name, "\(t.impressions)", "\(t.clicks)", "\(t.opens)", "\(t.conversions)",
         Formatting.money(Double(t.spendMinor), currency: currency), Formatting.money(Double(t.revenueMinor), currency: currency),
         Formatting.percent(t.ctr), Formatting.percent(t.conversionRate), Formatting.money(t.cpaMinor, currency: currency),
         Formatting.decimal(t.roas)]
    }
}
