import ArgumentParser
import Foundation

/// `marquee report campaign ID --format html|csv|json [--out FILE]`.
struct CampaignReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "campaign", abstract: "Write the post-launch report of one campaign.")

    @Argument(help: "The campaign id.")
    var campaign: String

    @OptionGroup var output: ReportOutput
    @OptionGroup var reporting: ReportingClientOptions

    func run() async throws {
        let path = "reports/campaigns/" + campaign
        try output.write(try await reporting.client.get(path, query: [URLQueryItem(name: "format", value: output.format)]))
    }
}
