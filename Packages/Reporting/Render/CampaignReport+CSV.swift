import Contracts
import Domain
extension CampaignReport {
    /// The report as one long CSV table: `section,name,metric,value`, one figure per row.
    public func csv() -> String {
        var table = CSVTable(header: ["section", "name", "metric", "value"])
        func add(_ section: String, _ name: String, _ metric: String, _ value: String) {
            table.append([section, name, metric, value])
        }
        add("campaign", campaign.rawValue, "title", title)
        add("campaign", campaign.rawValue, "stage", stage.rawValue)
        add("campaign", campaign.rawValue, "launched_at", Formatting.instant(launchedAt))
        for (index, stay) in stays.enumerated() {
            add("stage_hours", "\(index + 1):\(stay.stage.rawValue)", "business_hours", Formatting.hours(stay.businessHours))
        }
        for outcome in sla { add("sla", outcome.stepName, outcome.deadline.owner.rawValue, outcome.status.rawValue) }
        add("edits", "requester", "rounds", "\(editRounds)")
        add("edits", "requester", "rounds_after_approval", "\(editRoundsAfterRequesterApproval)")
        add("edits", "qa", "edits_after_qa_passed", "\(editsAfterQAPassed)")
        for (index, verdict) in qaVerdicts.enumerated() { add("qa", "verdict \(index + 1)", "outcome", verdict.outcome.rawValue) }
        for warning in warnings { add("warning", WarningKind(warning.sign).rawValue, "evidence", warning.evidence) }
        for channel in channels { addTotals(&table, channel.channel.rawValue, channel.totals) }
        addTotals(&table, "total", total)
        for day in daily { addTotals(&table, day.date.iso, day.totals, section: "kpi_daily") }
        if let target {
            add("target", target.metric.rawValue, "value", Formatting.decimal(target.value))
            add("target", target.metric.rawValue, "met", targetMet.map { "\($0)" } ?? "")
        } else {
            add("target", "none", "value", "")
        }
        return table.text()
    }

    private func addTotals(_ table: inout CSVTable, _ name: String, _ t: KPITotals, section: String = "kpi") {
        let figures: [(String, String)] = [
            ("impressions", "\(t.impressions)"), ("clicks", "\(t.clicks)"), ("opens", "\(t.opens)"),
            ("conversions", "\(t.conversions)"), ("spend_minor", "\(t.spendMinor)"), ("revenue_minor", "\(t.revenueMinor)"),
            ("ctr", Formatting.decimal(t.ctr, digits: 4)), ("open_rate", Formatting.decimal(t.openRate, digits: 4)),
            ("conversion_rate", Formatting.decimal(t.conversionRate, digits: 4)), ("cpa_minor", Formatting.decimal(t.cpaMinor)),
            ("roas", Formatting.decimal(t.roas, digits: 4)),
        ]
        for (metric, value) in figures { table.append([section, name, metric, value]) }
    }
}
