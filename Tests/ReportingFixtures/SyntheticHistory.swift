import Contracts
import Domain
import Foundation

/// A deterministic journal of many generated campaigns for replay tests and the benchmark: every campaign
/// type and objective, holds and resubmissions, edit rounds (some after the requester approved, some after
/// QA passed), QA failing and passing, two approval steps, launches, monitoring, closes and cancels. Steps are
/// a few minutes to two days apart, starting from `start` plus up to `spreadDays` days.
public struct SyntheticHistory: Sendable {
    public let seed: UInt64
    public let start: Date
    public let spreadDays: Int

    /// A history whose campaigns are numbered from 0; `seed` varies every campaign's path.
    public init(seed: UInt64 = 42, start: Date = Date(timeIntervalSince1970: 1_790_000_000), spreadDays: Int = 90) {
        self.seed = seed
        self.start = start
        self.spreadDays = spreadDays
    }

    /// The facts of campaign `index`, in version order.
    public func facts(of index: Int) -> [CampaignFactRecorded] {
        var random = SplitMix(seed: seed &+ UInt64(index) &* 0x9E37_79B9)
        let id = CampaignID(rawValue: "cmp-\(index)")
        var time = start.addingTimeInterval(Double(random.below(spreadDays * 86_400)))
        var steps: [(Date, CampaignFact)] = []
        func step(_ fact: CampaignFact) {
            steps.append((time, fact))
            time = time.addingTimeInterval(Double(300 + random.below(48 * 3_600)))
        }
        let type = CampaignType.allCases[random.below(CampaignType.allCases.count)]
        let objective = random.below(5) == 0 ? nil : Objective.allCases[random.below(Objective.allCases.count)]
        let request = CampaignRequest(
            title: "Campaign \(index)", requester: "ana", objective: objective, type: type,
            brief: Brief(goal: "goal", audience: "audience", keyMessage: "message", channels: [.email, .web],
                         budget: Money(amountMinor: Int64(random.below(2_000_000)), currency: "EUR"),
                         launchDate: Day(containing: time.addingTimeInterval(30 * 86_400), in: TimeZone(secondsFromGMT: 0)!)))
        step(.submitted(request))
        if random.below(4) == 0 {
            step(.triaged(.hold(missing: [.budget])))
            step(.resubmitted(request))
        }
        step(.triaged(.assign(to: .specialist)))
        if random.below(20) == 0 {
            step(.cancelled(reason: "no longer needed"))
            return Self.recorded(id, steps)
        }
        step(.specialistAssigned("sam"))
        step(.buildStarted)
        step(.selfReviewStarted)
        let documents = [DocumentVersion(document: "email-main", version: 1, contentHash: ContentHash(rawValue: "sha256:\(index)"))]
        var round = 1
        step(.sentToRequester(round: round))
        for _ in 0..<random.below(3) {
            let afterApproval = random.below(3) == 0
            if afterApproval { step(.requesterApproved(by: "ana")) }
            step(.editsRequested(EditRequest(by: "ana", comments: "edit", round: round, afterRequesterApproval: afterApproval, afterQAPassed: false)))
            round += 1
            step(.sentToRequester(round: round))
        }
        step(.requesterApproved(by: "ana"))
        step(.qaRequested)
        if random.below(3) == 0 {
            step(.qaRecorded(QAVerdict(reviewer: "quinn", outcome: .failed, findings: ["check \(random.below(8))"], documents: documents)))
            step(.buildStarted)
            step(.qaRequested)
        }
        step(.qaRecorded(QAVerdict(reviewer: "quinn", outcome: .passed, documents: documents)))
        let legal = PlannedApprovalStep(id: "legal", role: .legal, phase: 0, turnaround: .hours(8))
        let lead = PlannedApprovalStep(id: "marketing-lead", role: .marketingLead, phase: 1)
        step(.approvalsStarted([legal, lead]))
        step(.approvalRecorded(ApprovalDecision(step: "legal", approver: "lee", verdict: .approved, documents: documents)))
        step(.approvalRecorded(ApprovalDecision(step: "marketing-lead", approver: "mia", verdict: .approved, documents: documents)))
        step(.campaignApproved(versions: documents))
        let goLive = time.addingTimeInterval(86_400)
        step(.scheduled(goLiveAt: goLive))
        time = goLive
        step(.wentLive)
        step(.monitoringStarted(until: time.addingTimeInterval(7 * 86_400)))
        time = time.addingTimeInterval(7 * 86_400)
        step(.closed)
        return Self.recorded(id, steps)
    }

    /// The envelopes of campaigns `range`, interleaved in time order (ties keep campaign order).
    public func envelopes(_ range: Range<Int>) -> [AnyEnvelope] {
        range.flatMap { facts(of: $0) }.enumerated()
            .sorted { ($0.element.event.occurredAt, $0.offset) < ($1.element.event.occurredAt, $1.offset) }
            .map { AnyEnvelope(Envelope.make($0.element, source: "marquee/line", now: $0.element.event.occurredAt)) }
    }

    static func recorded(_ id: CampaignID, _ steps: [(Date, CampaignFact)]) -> [CampaignFactRecorded] {
        FixedHistory.facts(id, steps)
    }
}

/// A small deterministic random generator (SplitMix64).
struct SplitMix: Sendable {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound`.
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }
}
