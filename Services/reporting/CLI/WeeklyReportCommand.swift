import ArgumentParser
import Foundation
import Reporting

/// `marquee report weekly --week 2026-W47 --format html|csv|json [--out FILE]`.
struct WeeklyReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "weekly", abstract: "Write the weekly operations report of an ISO week.")

    @Option(help: "The ISO week, e.g. 2026-W47 (default: the current week).")
    var week: String?

    @OptionGroup var output: ReportOutput
    @OptionGroup var reporting: ReportingClientOptions

    func validate() throws {
        if let week, ISOWeek(text: week) == nil { throw ValidationError("--week must look like 2026-W47, got \"\(week)\"") }
    }

    func run() async throws {
        var query = [URLQueryItem(name: "format", value: output.format)]
        if let week { query.append(URLQueryItem(name: "week", value: week)) }
        try output.write(try await reporting.client.get("reports/weekly", query: query))
    }
}
