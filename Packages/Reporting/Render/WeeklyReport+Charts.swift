import Domain
import Foundation

extension WeeklyReport {
    /// Stage durations as box plots, one per stage.
    public var stageDurationChart: BoxPlotChart {
        BoxPlotChart(
            title: "Business hours per stage (\(week))",
            boxes: stageDurations.byStage.map { ($0.stage.rawValue, $0.hours) }, unit: "h")
    }

    /// SLA compliance per step as bars.
    public var slaComplianceChart: BarChart {
        BarChart.percentages(
            title: "SLA compliance per step (\(week))", bars: slaByStep.compactMap { row in row.rate.map { (row.name, $0) } })
    }

    /// The cumulative flow diagram.
    public var cumulativeFlowChart: CumulativeFlowChart {
        let zone = TimeZone(identifier: timeZone) ?? TimeZone(secondsFromGMT: 0)!
        return CumulativeFlowChart(
            title: "Cumulative flow, 28 days to \(week)", flow: cumulativeFlow,
            xLabels: cumulativeFlow.points.map { Formatting.monthDay($0.at.addingTimeInterval(-1), in: zone) })
    }

    /// Requested and launched per week.
    public var throughputChart: LineChart {
        LineChart(
            title: "Campaigns per week", xLabels: throughput.map(\.week.description),
            series: [
                ("requested", throughput.map { Double($0.requested) }), ("launched", throughput.map { Double($0.launched) }),
            ])
    }

    /// Campaigns waiting per stage at the end of the week.
    public var queueDepthChart: BarChart {
        BarChart(
            title: "Queue depth at the end of \(week)",
            bars: queueDepth.map { ($0.stage.rawValue, Double($0.campaigns)) })
    }
}
