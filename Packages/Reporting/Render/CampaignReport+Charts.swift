import Domain
extension CampaignReport {
    /// Business hours per stay, in order.
    public var stageChart: BarChart {
        BarChart(
            title: "Business hours per stage", bars: stays.filter { !$0.stage.isTerminal }.map { ($0.stage.rawValue, $0.businessHours) },
            format: { SVGCanvas.number($0) + "h" })
    }

    /// Daily CTR, conversion rate and the target metric's trend.
    public var kpiTrendChart: LineChart {
        LineChart(
            title: "Daily click-through and conversion rate", xLabels: daily.map(\.date.iso),
            series: [("ctr", daily.map(\.totals.ctr)), ("conversion_rate", daily.map(\.totals.conversionRate))],
            format: { SVGCanvas.number($0 * 100) + "%" })
    }

    /// Daily spend and revenue in major units.
    public var moneyTrendChart: LineChart {
        LineChart(
            title: "Daily spend and revenue" + (currency.map { " (\($0))" } ?? ""), xLabels: daily.map(\.date.iso),
            series: [("spend", daily.map { Double($0.totals.spendMinor) / 100 }),
                     ("revenue", daily.map { Double($0.totals.revenueMinor) / 100 })])
    }
}
