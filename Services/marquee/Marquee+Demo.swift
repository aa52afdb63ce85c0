import ArgumentParser
import Bus
import Contracts
import Domain
import Foundation

/// `marquee demo`: publishes demo campaign requests and their intake outcome, triaged by the real MVP rules,
/// so a fresh stack has a stream to watch.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Publish demo campaign requests and their triage outcome to the bus.")

    @OptionGroup var bus: BusClientOptions

    @Option(help: "How many campaigns (0 = until stopped).")
    var count = 12

    @Option(help: "Seconds between campaigns.")
    var interval: Double = 0

    func run() async throws {
        let publisher = try Publisher(ingress: bus.ingress, logger: bus.logger())
        let rules = Rules.builtIn
        let specialists = rules.people(holding: .specialist)
        var number = 0
        while count == 0 || number < count {
            number += 1
            let campaign = CampaignID(rawValue: "demo-\(number)")
            let request = DemoRequests.request(number)
            var events: [any Event] = [RequestSubmitted(campaignID: campaign, request: request)]
            switch triage(request, rules: rules) {
            case .hold(let missing):
                events.append(IntakeHeld(campaignID: campaign, requester: request.requester, campaignType: request.type, missing: missing, holdCount: 1))
            case .assign(let role):
                events.append(IntakeTriaged(campaignID: campaign, campaignType: request.type, assignTo: role, holdCount: 0))
                if let specialist = specialists.isEmpty ? nil : specialists[number % specialists.count] {
                    events.append(CampaignAssigned(campaignID: campaign, assignee: specialist.id, role: role))
                }
            }
            var cause: EnvelopeHeader?
            for event in events {
                let envelope = AnyEnvelope(event, source: "marquee/demo", causedBy: cause)
                _ = try await publisher.publish(envelope)
                cause = envelope.header
            }
            if interval > 0 { try await Task.sleep(for: .milliseconds(Int(interval * 1000))) }
        }
        await publisher.close()
    }
}

extension AnyEnvelope {
    /// A fresh envelope around `event`, in the causal chain of `cause` when given.
    init(_ event: some Event, source: String, causedBy cause: EnvelopeHeader?) {
        self.init(Envelope.make(event, source: source, causedBy: cause))
    }
}

/// A rotating set of demo requests: complete ones of each type, and some missing MVP items.
enum DemoRequests {
    static func request(_ number: Int) -> CampaignRequest {
        let types: [CampaignType] = [.productLaunch, .event, .seasonal, .other]
        let type = types[number % types.count]
        var brief = Brief(
            goal: "Grow trial sign-ups", audience: "Ops managers at mid-size retailers",
            keyMessage: "Launch campaigns in days, not weeks", channels: [.email, .instagram],
            budget: Money(amountMinor: Int64(4_000 + 1_500 * number) * 100, currency: "EUR"),
            launchDate: Day(year: 2027, month: 1 + number % 12, day: 1 + number % 28))
        if number % 3 == 0 { brief.budget = nil }
        if number % 4 == 0 { brief.audience = nil }
        return CampaignRequest(
            title: "Demo campaign \(number)", requester: "mia", objective: .conversion, type: type, brief: brief,
            outline: "Teaser email, launch email, two Instagram posts",
            assetNeeds: [AssetNeed(channel: .instagram, format: .png, size: PixelSize(width: 1080, height: 1080))])
    }
}
