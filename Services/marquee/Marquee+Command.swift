import ArgumentParser
import Contracts
import Domain
import Foundation

/// `marquee command CAMPAIGN JSON`: sends any campaign command, e.g.
/// `marquee command cmp-1 '{"type": "assign", "specialist": "sam"}'`, and prints what followed.
struct CommandCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "command",
        abstract: "Send a campaign command given as JSON ({\"type\": \"start_build\"}; see docs/events.md).")

    @OptionGroup var bus: BusClientOptions

    @Argument(help: "The campaign id.")
    var campaign: String

    @Argument(help: "The command as JSON, or @path to a file holding it.")
    var command: String

    @Option(help: "Seconds to wait for the owning station's answer.")
    var wait = 10

    func run() async throws {
        let text = try ArgumentText.read(command)
        let parsed: CampaignCommand
        do {
            parsed = try MarqueeJSON.decoder().decode(CampaignCommand.self, from: text)
        } catch {
            throw CommandFailure("not a campaign command: \(RequestFileError.describe(error))")
        }
        let client = LineClient(endpoints: try bus.endpoints, logger: bus.logger())
        try await CommandRun(client: client, wait: wait)
            .send(CampaignCommandIssued(campaignID: CampaignID(rawValue: campaign), command: parsed))
    }
}
