import ArgumentParser
import Contracts
import Domain
import Foundation

/// `marquee approve|reject CAMPAIGN --step STEP --as USER [--comment TEXT]`: decides one approval step on
/// the campaign's current document versions and prints what followed.
struct DecisionOptions: ParsableArguments {
    @Argument(help: "The campaign id.")
    var campaign: String

    @Option(help: "The approval step id, as `marquee status` lists it.")
    var step: String

    @Option(name: .customLong("as"), help: "The approver's user id.")
    var approver: String

    @Option(help: "Comments (required to reject).")
    var comment: String?

    @Option(help: "Seconds to wait for the approvals station's answer.")
    var wait = 10
}

struct ApproveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve", abstract: "Sign one approval step of a campaign.")

    @OptionGroup var bus: BusClientOptions
    @OptionGroup var decision: DecisionOptions

    func run() async throws {
        try await decide(.approved, decision, bus: bus)
    }
}

struct RejectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reject", abstract: "Reject one approval step of a campaign; it goes back to build with the comment.")

    @OptionGroup var bus: BusClientOptions
    @OptionGroup var decision: DecisionOptions

    func validate() throws {
        if (decision.comment ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--comment is required to reject")
        }
    }

    func run() async throws {
        try await decide(.rejected, decision, bus: bus)
    }
}

/// Publishes the decision on the current versions and reports the answer.
private func decide(_ verdict: ApprovalVerdict, _ options: DecisionOptions, bus: BusClientOptions) async throws {
    let client = LineClient(endpoints: try bus.endpoints, logger: bus.logger())
    let id = CampaignID(rawValue: options.campaign)
    guard let campaign = try await client.history(of: id).campaign else {
        throw CommandFailure("no campaign \(options.campaign) in the journal")
    }
    let decision = ApprovalDecision(
        step: options.step, approver: UserID(rawValue: options.approver), verdict: verdict, comments: options.comment,
        documents: campaign.documents)
    try await CommandRun(client: client, wait: options.wait)
        .send(CampaignCommandIssued(campaignID: id, command: .decideApproval(decision)))
}

/// Sends one command and prints its outcome; a refusal is an error (exit code 1).
struct CommandRun {
    let client: LineClient
    let wait: Int

    func send(_ command: CampaignCommandIssued) async throws {
        let head = try await client.head()
        let header = try await client.publish(command)
        print("sent \(command.topic) for \(command.campaignID)")
        try await report(header.id, from: head + 1, silence: "is the \(command.campaignID) owner's station running?")
    }

    /// Waits for what event `id` caused and prints it; a refusal or no answer is an error.
    func report(_ id: UUID, from seq: UInt64, silence: String) async throws {
        guard wait > 0 else { return }
        switch try await client.outcome(of: id, from: seq, timeout: .seconds(wait)) {
        case .facts(let facts):
            for fact in facts { print(FactLine.render(fact)) }
        case .rejected(let rejection):
            throw CommandFailure("refused (\(rejection.code)): \(rejection.message)")
        case .noAnswer:
            throw CommandFailure("no answer within \(wait) s (\(silence))")
        }
    }
}
