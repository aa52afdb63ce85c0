import Contracts
import Domain
import Foundation

/// One campaign as a station holds it: the state folded from the bus (`confirmed`, the same in every
/// station at the same seq) and the facts this station decided that the bus has not yet brought back
/// (`pending`). Decisions are made on ``local`` — confirmed plus pending — so commands arriving in quick
/// succession see each other's effects before the relay has published them.
struct CampaignRecord: Sendable, Equatable {
    /// The campaign folded from facts read on the bus.
    var confirmed: Campaign
    /// The version of the last fact folded into ``confirmed``.
    var version: Int
    /// Facts this station decided and published, not yet read back; versions `version + 1…`.
    var pending: [CampaignFactRecorded]

    /// A new campaign from its first confirmed fact.
    init?(first fact: CampaignFactRecorded) {
        guard fact.version == 1, let campaign = Campaign(replaying: [fact.event]) else { return nil }
        confirmed = campaign
        version = 1
        pending = []
    }

    /// A campaign this station has just created (its first facts are pending).
    init(created campaign: Campaign, facts: [CampaignFactRecorded]) {
        confirmed = campaign
        version = 0
        pending = facts
    }

    init(confirmed: Campaign, version: Int, pending: [CampaignFactRecorded]) {
        self.confirmed = confirmed
        self.version = version
        self.pending = pending
    }

    /// The campaign with this station's pending facts folded in.
    var local: Campaign {
        var campaign = confirmed
        for fact in pending where fact.version > 1 { campaign.evolve(fact.event) }
        return campaign
    }

    /// The version of the latest fact, pending or confirmed.
    var localVersion: Int { pending.last?.version ?? version }

    /// The station that decides for this campaign now: the owner of its confirmed stage.
    var owner: Station { version == 0 ? .intake : confirmed.stage.station }

    /// What folding a fact read on the bus did.
    enum FoldOutcome: Equatable {
        /// The next version: folded.
        case folded
        /// A version already folded: a re-published fact, ignored.
        case duplicate
        /// A version after the next: an earlier fact is missing.
        case gap(expected: Int)
    }

    /// Folds `fact` read on the bus. A fact that confirms this station's oldest pending fact drops it from
    /// ``pending``; a fact from elsewhere while facts are pending means this station's decisions lost (the
    /// bus order decides) and they are dropped.
    mutating func fold(_ fact: CampaignFactRecorded) -> FoldOutcome {
        guard fact.version > version else { return .duplicate }
        guard fact.version == version + 1 else { return .gap(expected: version + 1) }
        if fact.version == 1 {
            if let campaign = Campaign(replaying: [fact.event]) { confirmed = campaign }
        } else {
            confirmed.evolve(fact.event)
        }
        version = fact.version
        if let head = pending.first, head.version == fact.version, head.event.fact == fact.event.fact {
            pending.removeFirst()
        } else {
            pending.removeAll()
        }
        return .folded
    }

    /// Decides `command` at `now` on ``local``; on success appends the facts to ``pending`` and returns them.
    mutating func decide(_ command: CampaignCommand, at now: Date, rules: Rules) throws(TransitionError)
        -> [CampaignFactRecorded]
    {
        var campaign = local
        let events = try campaign.decide(command, at: now, rules: rules)
        var next = localVersion
        let facts = events.map { event in
            campaign.evolve(event)
            next += 1
            return CampaignFactRecorded(event: event, version: next, stage: campaign.stage)
        }
        pending += facts
        return facts
    }
}
