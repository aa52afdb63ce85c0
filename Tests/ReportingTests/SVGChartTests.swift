import Domain
import Foundation
import Reporting
import ReportingFixtures
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Collects the `data-series` of every element while parsing, failing on malformed XML.
final class SeriesCollector: NSObject, XMLParserDelegate {
    var series: [String] = []
    var root: String?

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if root == nil { root = name }
        if let value = attributes["data-series"] { series.append(value) }
    }

    /// Parses `text`; `nil` when it is not well-formed XML.
    static func parse(_ text: String) -> SeriesCollector? {
        let collector = SeriesCollector()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = collector
        return parser.parse() ? collector : nil
    }
}

@Suite struct SVGChartTests {
    static func report() throws -> WeeklyReport {
        WeeklyReport(week: FixedHistory.week, data: try FixedHistory.ledger().data, rules: FixedHistory.rules)
    }

    @Test func boxPlotHasABoxPerStage() throws {
        let report = try Self.report()
        let parsed = try #require(SeriesCollector.parse(report.stageDurationChart.svg()))
        #expect(parsed.root == "svg")
        #expect(parsed.series == report.stageDurations.byStage.map(\.stage.rawValue))
        #expect(parsed.series.contains("building"))
    }

    @Test func slaBarsCumulativeFlowAndThroughputHaveTheirSeries() throws {
        let report = try Self.report()
        #expect(SeriesCollector.parse(report.slaComplianceChart.svg())?.series.first == "approval:legal-review")
        #expect(SeriesCollector.parse(report.cumulativeFlowChart.svg())?.series == ["done", "launch", "approvals", "build", "intake"])
        #expect(SeriesCollector.parse(report.throughputChart.svg())?.series == ["requested", "launched"])
        #expect(SeriesCollector.parse(report.queueDepthChart.svg())?.series.count == 14)
    }

    @Test func labelsAreEscaped() {
        let chart = BarChart(title: "a < b & \"c\"", bars: [("<script>", 1)])
        let svg = chart.svg()
        #expect(SeriesCollector.parse(svg)?.series == ["<script>"])
        #expect(!svg.contains("<script>"))
    }

    @Test func weeklyHTMLEmbedsWellFormedCharts() throws {
        let html = try Self.report().html()
        let charts = html.components(separatedBy: "<figure>").dropFirst().map { $0.components(separatedBy: "</figure>")[0] }
        #expect(charts.count == 5)
        for chart in charts { #expect(SeriesCollector.parse(chart) != nil) }
        #expect(html.contains("First-pass yield 50.0% (1 of 2)"))
    }

    @Test func campaignKPITrendHasItsSeries() throws {
        var data = try FixedHistory.ledger().data
        data.kpis = KPIImport.csv(
            "date,channel,impressions,clicks,opens,conversions,spend,revenue\n2026-11-20,email,1000,50,400,5,100,450\n"
                + "2026-11-21,email,800,20,300,1,50,100\n", campaign: FixedHistory.b
        ).records
        let track = try #require(data.tracks.first { $0.id == FixedHistory.b })
        let report = CampaignReport(track: track, data: data, rules: FixedHistory.rules, asOf: FixedHistory.at(23, 0))
        let trend = try #require(SeriesCollector.parse(report.kpiTrendChart.svg()))
        #expect(trend.series == ["ctr", "conversion_rate"])
        #expect(report.target == KPITarget(metric: .ctr, value: 0.01) && report.targetMet == true)
        #expect(report.total.impressions == 1800 && report.daily.count == 2)
        let html = report.html()
        #expect(html.contains("ctr ≥ 0.01; reached 0.04: met."))
        let json = try JSONSerialization.jsonObject(with: ReportFormat.json.render(report)) as? [String: Any]
        #expect(json?["campaign"] as? String == "cmp-b")
        #expect(try String(decoding: ReportFormat.csv.render(report), as: UTF8.self).contains("kpi,total,impressions,1800\r\n"))
    }
}
