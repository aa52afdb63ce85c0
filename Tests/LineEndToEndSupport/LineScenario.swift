import Crypto
import Domain
import Foundation

/// One campaign's script: who asks for what, and which detours it takes through the line. Generated
/// deterministically from its index, so a run with N campaigns plays the first N of the same list.
public struct LineScenario: Sendable, Hashable {
    public var index: Int
    public var id: CampaignID
    public var type: CampaignType
    public var requester: UserID
    public var specialist: UserID
    public var channels: [Channel]
    public var budgetMinor: Int64
    public var launchDate: Day
    /// First submitted without key message and launch date: held, then resubmitted complete.
    public var incomplete: Bool
    /// The requester asks for edits before approving.
    public var earlyEdit: Bool
    /// The requester approves, then asks for edits anyway (a warning-sign pattern), with a new email version.
    public var lateEdit: Bool
    /// QA fails once with findings; the specialist rebuilds.
    public var qaFailOnce: Bool
    /// The last approval step is rejected once: back to build, new email version, redo.
    public var rejectOnce: Bool
    /// The requester (or ops) cancels when the campaign reaches this stage.
    public var cancelAt: CampaignStage?
    /// A decide_approval while building: rejected `not_allowed`.
    public var provokeNotAllowed: Bool
    /// The builder (sara) records QA first: rejected `reviewer_is_builder`.
    public var provokeBuilderQA: Bool
    /// The requester (mia, the only marketing lead) signs her own campaign: rejected `approver_is_requester`.
    public var provokeSelfApproval: Bool

    /// The request as first submitted (`complete: false` drops the key message and the launch date).
    public func request(complete: Bool) -> CampaignRequest {
        CampaignRequest(
            title: "E2E \(type.rawValue) #\(index)", requester: requester, objective: .conversion, type: type,
            brief: Brief(
                goal: "Grow sign-ups for \(id)", audience: "Existing customers",
                keyMessage: complete ? "Faster campaigns, fewer surprises" : nil, channels: channels,
                budget: Money(amountMinor: budgetMinor, currency: "EUR"), launchDate: complete ? launchDate : nil),
            outline: "Teaser, launch mail, landing page",
            assetNeeds: [AssetNeed(channel: .email, format: .png, size: PixelSize(width: 600, height: 300))],
            timeline: [Milestone(name: "assets final", due: Day(year: 2026, month: 3, day: 6))])
    }

    /// The first `count` scenarios of the list seeded by `seed`.
    public static func generate(count: Int, seed: UInt64 = 0x5EED_0001) -> [LineScenario] {
        (0..<count).map { make(index: $0, seed: seed) }
    }

    static func make(index: Int, seed: UInt64) -> LineScenario {
        var rng = SplitMix64(seed: seed &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15)
        func chance(_ percent: UInt64) -> Bool { rng.next() % 100 < percent }
        let type = CampaignType.allCases[Int(rng.next() % 4)]
        let requester: UserID = chance(8) ? "mia" : (chance(50) ? "ana" : "ben")
        let specialist: UserID = chance(50) ? "sam" : "sara"
        let pool: [Channel] = [.email, .web, .social, .linkedin, .paid, .sms]
        var channels: [Channel] = [.email]
        for channel in pool.dropFirst() where chance(30) { channels.append(channel) }
        let budget = Int64(100_000 + rng.next() % 2_000_000)
        let launch = Day(year: 2026, month: 3, day: 9 + Int(rng.next() % 5))
        let incomplete = chance(15)
        var cancelAt: CampaignStage?
        if chance(8) {
            let stages: [CampaignStage] = [.building, .requesterReview, .inApproval, .scheduled]
                + (incomplete ? [.heldInIntake] : [])
            cancelAt = stages[Int(rng.next() % UInt64(stages.count))]
        }
        // The built-in rules have one marketing lead, mia; her own campaigns cannot pass that step.
        if requester == "mia", cancelAt == nil || cancelAt == .scheduled { cancelAt = .inApproval }
        return LineScenario(
            index: index, id: CampaignID(String(format: "cmp-e2e-%05d", index)), type: type, requester: requester,
            specialist: specialist, channels: channels, budgetMinor: budget, launchDate: launch, incomplete: incomplete,
            earlyEdit: chance(20), lateEdit: chance(15), qaFailOnce: chance(10), rejectOnce: chance(15),
            cancelAt: cancelAt, provokeNotAllowed: chance(10), provokeBuilderQA: specialist == "sara" && chance(35),
            provokeSelfApproval: requester == "mia" && cancelAt == .inApproval)
    }
}

/// What a person of the line does next.
public enum LineAction: Sendable, Hashable {
    /// Publish `campaign.command.<kind>`.
    case command(CampaignCommand)
    /// Hand in a document version (`campaign.document.submitted`); build turns it into `revise_document`.
    case document(DocumentID, content: Data, by: UserID)
}

/// The people of the line as a pure function of a campaign's state and its scenario, and the expected run
/// of a scenario against the pure Domain (`Campaign.apply` plus the stations' automation).
public enum LineModel {
    public static let rules = Rules.builtIn
    /// The time of every person's command and of the file clock at the start.
    public static let start = Date(timeIntervalSince1970: 1_772_438_400)  // 2026-03-02T08:00:00Z (a Monday)
    /// The file clock after the first advance: every launch date passed, no monitoring window ended.
    public static let goLiveClock = Date(timeIntervalSince1970: 1_773_446_400)  // 2026-03-14T00:00:00Z
    /// The file clock after the second advance: every monitoring window ended.
    public static let closeClock = Date(timeIntervalSince1970: 1_774_396_800)  // 2026-03-25T00:00:00Z

    static let brief: DocumentID = "brief"
    static let email: DocumentID = "email-main"

    /// The documents the specialist wants in place now: the brief once, and an email that changes with every
    /// build round and every edit round.
    static func desiredDocuments(_ campaign: Campaign, _ scenario: LineScenario) -> [(DocumentID, Data)] {
        let builds = campaign.history.filter { $0.stage == .building }.count
        let edits = campaign.history.filter { $0.stage == .edits }.count
        return [
            (brief, Data("brief of \(scenario.id)".utf8)),
            (email, Data("<html>email of \(scenario.id), build \(builds), edits \(edits)</html>".utf8)),
        ]
    }

    /// `sha256:<hex>`, as build's document library names content.
    public static func contentHash(_ data: Data) -> ContentHash {
        ContentHash(rawValue: "sha256:" + SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined())
    }

    static func documentsToSubmit(_ campaign: Campaign, _ scenario: LineScenario) -> [LineAction] {
        desiredDocuments(campaign, scenario).compactMap { document, content in
            campaign.documents.hash(of: document) == contentHash(content)
                ? nil : .document(document, content: content, by: scenario.specialist)
        }
    }

    /// What the people do next for `campaign` (empty: waiting for a station or the clock, or done).
    public static func actions(for campaign: Campaign, scenario s: LineScenario) -> [LineAction] {
        let cancel = LineAction.command(.cancel(reason: "stopped by \(s.requester) in \(campaign.stage.rawValue)"))
        switch campaign.stage {
        case .submitted, .qaPassed, .approved, .live, .monitoring, .closed, .cancelled:
            return []
        case .heldInIntake:
            return s.cancelAt == .heldInIntake ? [cancel] : [.command(.resubmit(s.request(complete: true)))]
        case .triaged:
            return [.command(.assign(specialist: s.specialist))]
        case .assigned:
            return [.command(.startBuild)]
        case .building:
            var out: [LineAction] = []
            if s.provokeNotAllowed, campaign.documents.isEmpty {
                // Approve before QA: the build station refuses it (not_allowed in building).
                out.append(
                    .command(.decideApproval(ApprovalDecision(
                        step: "marketing_lead", approver: "mia", verdict: .approved, documents: []))))
            }
            if s.cancelAt == .building { return out + [cancel] }
            let documents = documentsToSubmit(campaign, s)
            return out + (documents.isEmpty ? [.command(.submitForSelfReview)] : documents)
        case .selfReview:
            return [.command(.sendToRequester)]
        case .requesterReview:
            if s.cancelAt == .requesterReview { return [cancel] }
            if !campaign.requesterApproved {
                if s.earlyEdit, campaign.editRounds == 0 {
                    return [.command(.requestEdits(by: s.requester, comments: "Early: a shorter subject line"))]
                }
                return [.command(.approveAsRequester(by: s.requester))]
            }
            if s.lateEdit, campaign.editRoundsAfterRequesterApproval == 0 {
                return [.command(.requestEdits(by: s.requester, comments: "Late: the legal footer changed"))]
            }
            return [.command(.requestQA)]
        case .edits:
            let documents = documentsToSubmit(campaign, s)
            return documents.isEmpty ? [.command(.sendToRequester)] : documents
        case .qaRequested:
            var out: [LineAction] = []
            if s.provokeBuilderQA, campaign.lastQA == nil {
                out.append(.command(.recordQA(QAVerdict(reviewer: s.specialist, outcome: .passed, documents: campaign.documents))))
            }
            let reviewer = (["quinn", "sara"] as [UserID]).first { !campaign.builders.contains($0) } ?? "quinn"
            if s.qaFailOnce, campaign.qaFailures == 0 {
                return out + [.command(.recordQA(QAVerdict(
                    reviewer: reviewer, outcome: .failed, findings: ["Broken unsubscribe link"],
                    documents: campaign.documents)))]
            }
            return out + [.command(.recordQA(QAVerdict(reviewer: reviewer, outcome: .passed, documents: campaign.documents)))]
        case .qaFailed:
            return [.command(.startBuild)]
        case .inApproval:
            if s.cancelAt == .inApproval {
                let own: [LineAction] = s.provokeSelfApproval
                    ? [.command(.decideApproval(ApprovalDecision(
                        step: "marketing_lead", approver: s.requester, verdict: .approved, documents: campaign.documents)))]
                    : []
                return own + [cancel]
            }
            guard let progress = campaign.approvals else { return [] }
            let rejectStep = s.rejectOnce && campaign.lastRejection == nil ? progress.steps.last?.step.id : nil
            var approvals: [LineAction] = []
            var rejection: [LineAction] = []
            for state in progress.openSteps {
                guard let approver = rules.people(holding: state.step.role).first(where: {
                    !(state.step.distinctFromRequester && $0.id == s.requester)
                })?.id else { continue }
                if state.step.id == rejectStep {
                    rejection.append(.command(.decideApproval(ApprovalDecision(
                        step: state.step.id, approver: approver, verdict: .rejected,
                        comments: "Needs the new price in the email", documents: campaign.documents))))
                } else {
                    approvals.append(.command(.decideApproval(ApprovalDecision(
                        step: state.step.id, approver: approver, verdict: .approved, documents: campaign.documents))))
                }
            }
            return approvals + rejection  // a rejection last: after it the other steps are not open any more
        case .scheduled:
            return s.cancelAt == .scheduled ? [cancel] : []
        }
    }

    /// The command an action becomes once it reaches the owning station (documents: `revise_document`).
    public static func command(for action: LineAction, on campaign: Campaign) -> CampaignCommand {
        switch action {
        case .command(let command):
            return command
        case .document(let document, let content, _):
            let previous = campaign.documents.first { $0.document == document }?.version ?? 0
            return .reviseDocument(DocumentVersion(document: document, version: previous + 1, contentHash: contentHash(content)))
        }
    }

    /// Applies `actions` to `campaign` at `start` as the stations would: the facts' types, and the codes of
    /// the commands refused.
    public static func apply(_ actions: [LineAction], to campaign: inout Campaign)
        -> (facts: [CampaignFactType], rejections: [String])
    {
        var facts: [CampaignFactType] = []
        var rejections: [String] = []
        for action in actions {
            do {
                facts += try campaign.apply(command(for: action, on: campaign), at: start, rules: rules).map(\.fact.type)
            } catch {
                rejections.append(error.code)
            }
        }
        return (facts, rejections)
    }

    /// What a scenario should produce on the line.
    public struct Expected: Sendable, Equatable {
        public var factTypes: [CampaignFactType]
        public var finalStage: CampaignStage
        public var rejections: [String]
    }

    /// Plays `scenario` against the pure Domain: the people's actions, the stations' automation at each
    /// instant (like `StationHandler.automate`), and the two clock moves.
    public static func expected(_ scenario: LineScenario) -> Expected {
        var (campaign, events) = Campaign.submit(
            scenario.request(complete: !scenario.incomplete), id: scenario.id, at: start, rules: rules)
        var facts = events.map(\.fact.type)
        var rejections: [String] = []
        var clocks = [goLiveClock, closeClock][...]
        var now = start
        for _ in 0..<500 {
            let actions = actions(for: campaign, scenario: scenario)
            if !actions.isEmpty {
                let (more, refused) = apply(actions, to: &campaign)
                facts += more
                rejections += refused
                if more.isEmpty { break }  // a script that makes no progress: stuck
                continue
            }
            let station = campaign.stage.station
            if let command = station.automaticCommand(for: campaign, at: now, rules: rules) {
                let at = station.nextTimer(for: campaign) ?? now
                now = at
                guard let more = try? campaign.apply(command, at: at, rules: rules) else { break }
                facts += more.map(\.fact.type)
                continue
            }
            guard let next = clocks.popFirst() else { break }
            now = next
        }
        return Expected(factTypes: facts, finalStage: campaign.stage, rejections: rejections)
    }
}

/// A small, fast, seedable generator (Steele, Lea, Flood 2014).
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
