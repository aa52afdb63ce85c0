import Contracts
import Domain
extension WeeklyReport {
    /// The report as one long CSV table: `section,name,metric,value`, one figure per row.
    public func csv() -> String {
        var table = CSVTable(header: ["section", "name", "metric", "value"])
        func add(_ section: String, _ name: String, _ metric: String, _ value: String) {
            table.append([section, name, metric, value])
        }
        func distribution(_ section: String, _ name: String, _ d: Distribution?) {
            guard let d else { return }
            for (metric, value) in [("count", Double(d.count)), ("min", d.min), ("q1", d.q1), ("median", d.median),
                                    ("q3", d.q3), ("p90", d.p90), ("max", d.max), ("mean", d.mean)] {
                add(section, name, metric, Formatting.decimal(value, digits: 3))
            }
        }
        add("report", "week", "period_start", Formatting.instant(period.start))
        add("report", "week", "period_end", Formatting.instant(period.end))
        for row in stageDurations.byStage { distribution("stage_hours", row.stage.rawValue, row.hours) }
        for row in stageDurations.byType { distribution("stage_hours_by_type", "\(row.type.rawValue)/\(row.stage.rawValue)", row.hours) }
        for (section, rows) in [("sla_by_step", slaByStep), ("sla_by_owner", slaByOwner)] {
            for row in rows {
                add(section, row.name, "met", "\(row.met)")
                add(section, row.name, "missed", "\(row.missed)")
                add(section, row.name, "compliance", Formatting.decimal(row.rate, digits: 4))
            }
        }
        distribution("cycle_time", "calendar_days", cycleTime.days)
        distribution("cycle_time", "business_hours", cycleTime.businessHours)
        for row in throughput {
            add("throughput", row.week.description, "requested", "\(row.requested)")
            add("throughput", row.week.description, "launched", "\(row.launched)")
        }
        for row in queueDepth { add("queue_depth", row.stage.rawValue, "campaigns", "\(row.campaigns)") }
        for point in cumulativeFlow.points {
            for (band, count) in zip(cumulativeFlow.bands, point.counts) {
                add("cumulative_flow", Formatting.instant(point.at), band.rawValue, "\(count)")
            }
        }
        distribution("edit_rounds", "launched", editRounds.rounds)
        add("edit_rounds", "launched", "with_rounds_after_approval", "\(editRounds.campaignsWithRoundsAfterApproval)")
        add("qa", "first_pass", "campaigns", "\(qaYield.campaigns)")
        add("qa", "first_pass", "passed", "\(qaYield.firstPass)")
        add("qa", "first_pass", "yield", Formatting.decimal(qaYield.yield, digits: 4))
        for rule in topFailingRules {
            add("qa_failing_rule", rule.rule, "\(rule.source.rawValue)_failures", "\(rule.failures)")
        }
        for row in approvalDelays {
            distribution("approval_hours", row.role.rawValue, row.hours)
            add("approval_hours", row.role.rawValue, "late", "\(row.late)")
        }
        for row in warningCounts { add("warnings", row.kind.rawValue, "warnings", "\(row.warnings)") }
        for reason in escalations.keys.sorted() { add("escalations", reason, "escalations", "\(escalations[reason] ?? 0)") }
        return table.text()
    }
}
