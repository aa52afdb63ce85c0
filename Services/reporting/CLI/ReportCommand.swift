import ArgumentParser

/// `marquee report`: the reports and KPI import of marquee-reporting, over its HTTP API.
///
/// ```
/// marquee report weekly --week 2026-W47 --format html --out week47.html
/// marquee report campaign cmp-2026-0001 --format csv
/// marquee report kpi import kpis.csv --campaign cmp-2026-0001
/// ```
public struct ReportCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Write Marquee's reports and import campaign KPIs (marquee-reporting).",
        subcommands: [WeeklyReportCommand.self, CampaignReportCommand.self, KPICommand.self])

    public init() {}
}
