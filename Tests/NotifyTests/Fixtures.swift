import Contracts
import Domain
import Foundation
@testable import NotifyService

/// An instant from RFC 3339 text with offset, e.g. `"2026-03-02T10:00:00+01:00"`.
func at(_ text: String) -> Date {
    guard let date = ISO8601DateFormatter().date(from: text) else { preconditionFailure("bad test date \(text)") }
    return date
}

let rules = Rules.builtIn
let dashboard = "https://marquee.example.com/"

extension CampaignRequest {
    /// A complete product-launch request by ana.
    static func fixture(title: String = "Spring launch", budget: Int64 = 250_000) -> CampaignRequest {
        CampaignRequest(
            title: title, requester: "ana", objective: .conversion, type: .productLaunch,
            brief: Brief(
                goal: "1,000 sign-ups", audience: "Admins", keyMessage: "Pro", channels: [.email, .web],
                budget: Money(amountMinor: budget, currency: "EUR"), launchDate: Day(year: 2026, month: 4, day: 20)),
            outline: "Launch email", assetNeeds: [AssetNeed(channel: .email, format: .png, size: PixelSize(width: 600, height: 300))],
            timeline: [])
    }
}

/// A campaign's facts in order, with the campaign before and after each: what the handler folds.
struct FactLog {
    let id: CampaignID
    var events: [DomainEvent] = []
    var now = at("2026-03-02T10:00:00+01:00")

    init(_ id: CampaignID = "cmp-1", request: CampaignRequest = .fixture()) {
        self.id = id
        append(.submitted(request))
    }

    var campaign: Campaign? { Campaign(replaying: events) }

    mutating func append(_ fact: CampaignFact) {
        now = now.addingTimeInterval(60)
        events.append(DomainEvent(campaignID: id, occurredAt: now, fact: fact))
    }

    /// Appends `fact` and returns what the planner says about it.
    mutating func notices(_ fact: CampaignFact, planner: NoticePlanner = NoticePlanner(rules: rules, dashboardURL: dashboard))
        -> [Notice]
    {
        let before = campaign
        append(fact)
        guard let after = campaign, let last = events.last else { return [] }
        return planner.notices(for: last, before: before, after: after)
    }

    /// The facts of a campaign built by sam up to `qa_requested`.
    static func built() -> FactLog {
        var log = FactLog()
        for fact: CampaignFact in [
            .triaged(.assign(to: .specialist)), .specialistAssigned("sam"), .buildStarted, .selfReviewStarted,
            .sentToRequester(round: 1), .requesterApproved(by: "ana"),
        ] { log.append(fact) }
        return log
    }
}

extension Array where Element == Notice {
    /// `kind recipient` per notice, sorted: what a test compares.
    var summary: [String] { map { "\($0.kind.rawValue) \($0.recipient.id)" }.sorted() }
}
