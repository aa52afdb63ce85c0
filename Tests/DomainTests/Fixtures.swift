import Domain
import Foundation

/// Parses an ISO 8601 instant with offset, e.g. `"2026-03-02T10:00:00+01:00"`.
func at(_ text: String) -> Date {
    let formatter = ISO8601DateFormatter()
    guard let date = formatter.date(from: text) else { preconditionFailure("bad test date \(text)") }
    return date
}

/// The built-in rules, the ones every test uses unless it says otherwise.
let rules = Rules.builtIn

extension CampaignRequest {
    /// A complete request of `type` by `requester` (MVP-complete for every built-in type).
    static func fixture(
        type: CampaignType = .productLaunch, requester: UserID = "ana", channels: [Channel] = [.email, .web],
        budget: Money? = Money(amountMinor: 250_000, currency: "EUR"),
        launchDate: Day? = Day(year: 2026, month: 4, day: 20)
    ) -> CampaignRequest {
        CampaignRequest(
            title: "Spring launch of Marquee Pro", requester: requester, objective: .conversion, type: type,
            brief: Brief(
                goal: "1,000 trial sign-ups", audience: "Existing free-tier admins",
                keyMessage: "Pro makes approvals painless", channels: channels, budget: budget,
                launchDate: launchDate,
                swot: SWOT(strengths: ["installed base"], threats: ["competitor launch in April"])),
            outline: "Teaser email, launch email, landing page, two Instagram posts",
            assetNeeds: [
                AssetNeed(channel: .instagram, format: .png, size: PixelSize(width: 1080, height: 1080)),
                AssetNeed(channel: .email, format: .png, size: PixelSize(width: 600, height: 300)),
            ],
            timeline: [Milestone(name: "assets final", due: Day(year: 2026, month: 4, day: 10))])
    }

    /// This request with `fields` cleared.
    func removing(_ fields: [MVPField]) -> CampaignRequest {
        var copy = self
        for field in fields {
            switch field {
            case .title: copy.title = "  "
            case .objective: copy.objective = nil
            case .goal: copy.brief.goal = nil
            case .audience: copy.brief.audience = ""
            case .keyMessage: copy.brief.keyMessage = nil
            case .channels: copy.brief.channels = []
            case .budget: copy.brief.budget = nil
            case .launchDate: copy.brief.launchDate = nil
            case .outline: copy.outline = nil
            case .assetNeeds: copy.assetNeeds = []
            case .timeline: copy.timeline = []
            case .swot: copy.brief.swot = nil
            }
        }
        return copy
    }
}

/// Document versions used by the fixtures.
enum Docs {
    static let emailV1 = DocumentVersion(document: "email-main", version: 1, contentHash: "sha256:e1")
    static let emailV2 = DocumentVersion(document: "email-main", version: 2, contentHash: "sha256:e2")
    static let pageV1 = DocumentVersion(document: "landing-page", version: 1, contentHash: "sha256:p1")
    static let pageV2 = DocumentVersion(document: "landing-page", version: 2, contentHash: "sha256:p2")
}

/// Drives a campaign through commands on a clock that advances one hour per command.
struct Driver {
    var campaign: Campaign
    var now: Date
    var rules: Rules
    var events: [DomainEvent]

    /// Submits `request` at `start` (a Monday 10:00 in Berlin by default).
    init(_ request: CampaignRequest = .fixture(), start: Date = at("2026-03-02T10:00:00+01:00"),
         rules: Rules = .builtIn) {
        let submitted = Campaign.submit(request, id: "cmp-1", at: start, rules: rules)
        campaign = submitted.campaign
        events = submitted.events
        now = start
        self.rules = rules
    }

    /// Applies `command` one hour later; returns its events.
    @discardableResult
    mutating func run(_ command: CampaignCommand) throws(TransitionError) -> [DomainEvent] {
        now = now.addingTimeInterval(3_600)
        let new = try campaign.apply(command, at: now, rules: rules)
        events += new
        return new
    }

    /// The current documents, as a reviewer would see them.
    var documents: [DocumentVersion] { campaign.documents }

    func approve(_ step: String, by user: UserID) -> CampaignCommand {
        .decideApproval(ApprovalDecision(step: step, approver: user, verdict: .approved, documents: documents))
    }

    func reject(_ step: String, by user: UserID, comments: String = "Claims need a source") -> CampaignCommand {
        .decideApproval(
            ApprovalDecision(step: step, approver: user, verdict: .rejected, comments: comments, documents: documents))
    }

    func qa(_ outcome: QAOutcome, by user: UserID = "quinn") -> CampaignCommand {
        .recordQA(
            QAVerdict(reviewer: user, outcome: outcome, findings: outcome == .failed ? ["UTM missing"] : [],
                      documents: documents))
    }

    /// Drives the campaign to `stage` along the happy path (product launch: marketing lead, legal ∥ brand).
    static func inStage(_ stage: CampaignStage) throws -> Driver {
        if stage == .submitted {
            var driver = Driver()
            driver.campaign = Campaign(id: "cmp-1", request: .fixture(), submittedAt: driver.now)
            return driver
        }
        if stage == .heldInIntake { return Driver(CampaignRequest.fixture().removing([.budget])) }
        var d = Driver()
        if stage == .cancelled { try d.run(.cancel(reason: "budget cut")); return d }
        guard stage != .triaged else { return d }
        try d.run(.assign(specialist: "sam"))
        guard stage != .assigned else { return d }
        try d.run(.startBuild)
        try d.run(.reviseDocument(Docs.emailV1))
        try d.run(.reviseDocument(Docs.pageV1))
        guard stage != .building else { return d }
        try d.run(.submitForSelfReview)
        guard stage != .selfReview else { return d }
        try d.run(.sendToRequester)
        guard stage != .requesterReview else { return d }
        if stage == .edits { try d.run(.requestEdits(by: "ana", comments: "Shorter subject line")); return d }
        try d.run(.approveAsRequester(by: "ana"))
        try d.run(.requestQA)
        guard stage != .qaRequested else { return d }
        if stage == .qaFailed { try d.run(d.qa(.failed)); return d }
        try d.run(d.qa(.passed))
        guard stage != .qaPassed else { return d }
        try d.run(.startApprovals)
        guard stage != .inApproval else { return d }
        try d.run(d.approve("marketing_lead", by: "mia"))
        try d.run(d.approve("legal", by: "leo"))
        try d.run(d.approve("brand", by: "bea"))
        guard stage != .approved else { return d }
        try d.run(.schedule(goLiveAt: d.now.addingTimeInterval(86_400)))
        guard stage != .scheduled else { return d }
        d.now = d.now.addingTimeInterval(86_400)
        try d.run(.goLive)
        guard stage != .live else { return d }
        try d.run(.startMonitoring(until: d.now.addingTimeInterval(7 * 86_400)))
        guard stage != .monitoring else { return d }
        d.now = d.now.addingTimeInterval(7 * 86_400)
        try d.run(.close)
        return d
    }
}
