import ArgumentParser
import Contracts
import Domain
import Foundation

/// `marquee status CAMPAIGN`: the campaign rebuilt from its facts in the journal.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show a campaign: stage, people, documents, approvals and history.")

    @OptionGroup var bus: BusClientOptions

    @Argument(help: "The campaign id.")
    var campaign: String

    @Flag(help: "Print the campaign as JSON.")
    var json = false

    func run() async throws {
        let client = LineClient(endpoints: try bus.endpoints, logger: bus.logger())
        let history = try await client.history(of: CampaignID(rawValue: campaign))
        guard let state = history.campaign else { throw CommandFailure("no campaign \(campaign) in the journal") }
        if json {
            print(String(decoding: try MarqueeJSON.encoder(pretty: true).encode(state), as: UTF8.self))
            return
        }
        print("\(state.id)  \(state.request.title)")
        print("  type \(state.request.type.rawValue), requested by \(state.request.requester)")
        print("  stage \(state.stage.rawValue) since \(RFC3339.string(from: state.stageEnteredAt)) (station \(state.stage.station.rawValue))")
        if let specialist = state.specialist { print("  specialist \(specialist)") }
        if case .hold(let missing)? = state.triage { print("  missing " + missing.map(\.rawValue).joined(separator: ", ")) }
        for document in state.documents { print("  document \(document.document) v\(document.version) \(document.contentHash)") }
        if let approvals = state.approvals {
            for step in approvals.steps {
                let signed = step.signOff.map { "signed by \($0.approver)" } ?? (approvals.openSteps.contains(step) ? "open" : "waiting")
                print("  approval \(step.step.id) (\(step.step.role)): \(signed)")
            }
        }
        if let rejection = state.lastRejection {
            print("  last rejection: \(rejection.step) by \(rejection.approver): \"\(rejection.comments ?? "")\"")
        }
        if let goLive = state.goLiveAt { print("  go-live \(RFC3339.string(from: goLive))") }
        print("history:")
        for fact in history.facts { print("  " + FactLine.render(fact)) }
        if !history.rejections.isEmpty {
            print("refused commands:")
            for rejection in history.rejections {
                print("  \(rejection.commandType): \(rejection.code): \(rejection.message)")
            }
        }
    }
}
