import ArgumentParser
import Bus
import Contracts
import Domain
import Foundation

/// `marquee demo`: submits demo campaign requests and plays the people of the line (``DemoDriver``) so the
/// campaigns come to rest in different stages — some held in intake, some being built, in QA, in approval,
/// scheduled. Needs the stations running (`make run` starts them).
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Submit demo campaigns and drive them along the line to different stages.")

    @OptionGroup var bus: BusClientOptions

    @Option(help: "How many campaigns.")
    var count = 12

    @Option(help: "Seconds between submissions.")
    var interval: Double = 0

    @Option(help: "Give up after this many seconds without progress.")
    var idle = 20

    /// Where the n-th demo campaign comes to rest, in turn.
    static let resting: [CampaignStage] = [
        .heldInIntake, .triaged, .assigned, .building, .requesterReview, .qaRequested, .inApproval, .scheduled,
    ]

    func run() async throws {
        let endpoints = try bus.endpoints
        let logger = bus.logger()
        let client = LineClient(endpoints: endpoints, logger: logger)
        let run = UUID().uuidString.prefix(6).lowercased()
        let ids = (1...max(1, count)).map { CampaignID(rawValue: "demo-\(run)-\($0)") }
        var driver = DemoDriver(
            rules: .builtIn,
            targets: Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, Self.resting[$0 % Self.resting.count]) }))
        let subscriber = try Subscriber(
            endpoints: endpoints, prefixes: [CampaignFactRecorded.prefix], from: .seq(try await client.head() + 1),
            logger: logger)
        let publisher = try Publisher(bus: endpoints, logger: logger)
        for (index, id) in ids.enumerated() {
            let target = Self.resting[index % Self.resting.count]
            let request = DemoRequests.request(index + 1, complete: target != .heldInIntake)
            _ = try await publisher.publish(AnyEnvelope(RequestSubmitted(campaignID: id, request: request), source: "marquee/demo"))
            if interval > 0 { try await Task.sleep(for: .milliseconds(Int(interval * 1000))) }
        }
        print("submitted \(ids.count) demo campaigns (demo-\(run)-1…\(ids.count)); driving them along the line")
        let watchdog = Task {
            try? await Task.sleep(for: .seconds(idle))
            subscriber.close()
        }
        var resting: Set<CampaignID> = []
        for try await delivery in subscriber {
            guard let fact = try? EventCatalog.marquee.decode(Data(delivery.payload), topic: delivery.topic)
                .typed(as: CampaignFactRecorded.self)?.data
            else { continue }
            switch driver.next(after: fact, now: Date()) {
            case .command(let command)?:
                _ = try await publisher.publish(AnyEnvelope(command, source: "marquee/demo"))
            case .document(let document)?:
                _ = try await publisher.publish(AnyEnvelope(document, source: "marquee/demo"))
            case nil:
                if driver.targets[fact.event.campaignID] == fact.stage { resting.insert(fact.event.campaignID) }
            }
            if resting.count == ids.count { break }
        }
        watchdog.cancel()
        subscriber.close()
        for try await _ in subscriber {}  // the channel must be empty when the subscriber is freed
        await publisher.close()
        print("\(resting.count) of \(ids.count) demo campaigns reached their stage")
    }
}

extension AnyEnvelope {
    /// A fresh envelope around `event`.
    init(_ event: some Event, source: String) {
        self.init(Envelope.make(event, source: source))
    }
}

/// A rotating set of demo requests, complete or missing some MVP items.
enum DemoRequests {
    static func request(_ number: Int, complete: Bool) -> CampaignRequest {
        let types: [CampaignType] = [.productLaunch, .event, .seasonal, .other]
        var request = CampaignRequest(
            title: "Demo campaign \(number)", requester: "ana", objective: .conversion, type: types[number % types.count],
            brief: Brief(
                goal: "Grow trial sign-ups", audience: "Ops managers at mid-size retailers",
                keyMessage: "Launch campaigns in days, not weeks", channels: [.email, .instagram],
                budget: Money(amountMinor: Int64(4_000 + 1_500 * number) * 100, currency: "EUR"),
                launchDate: Day(year: 2027, month: 1 + number % 12, day: 1 + number % 28)),
            outline: "Teaser email, launch email, two Instagram posts",
            assetNeeds: [AssetNeed(channel: .instagram, format: .png, size: PixelSize(width: 1080, height: 1080))],
            timeline: [Milestone(name: "assets final", due: Day(year: 2027, month: 1, day: 1))])
        if !complete {
            request.brief.budget = nil
            request.brief.audience = nil
        }
        return request
    }

    /// `request` with every item the demo leaves out filled in.
    static func complete(_ request: CampaignRequest) -> CampaignRequest {
        var request = request
        request.brief.budget = request.brief.budget ?? Money(amountMinor: 500_000, currency: "EUR")
        request.brief.audience = request.brief.audience ?? "Ops managers at mid-size retailers"
        return request
    }
}
