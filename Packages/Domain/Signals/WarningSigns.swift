import Foundation

/// A pattern in a campaign's history that ops should see. Wire: `{"sign": "<snake_case>", …}`.
public enum WarningSign: Sendable, Hashable {
    /// The request is held in intake; these MVP items are missing.
    case missingMVP(missing: [MVPField])
    /// The requester asked for `count` edit rounds after having approved (threshold: "several").
    case editRoundsAfterRequesterApproval(count: Int)
    /// `count` edits (requests or new document versions) arrived after QA had passed.
    case editsAfterQAPassed(count: Int)
    /// The campaign has been in `stage` since `since`, past the long-hold threshold in business time.
    case longHold(stage: CampaignStage, since: Date)
    /// A step's SLA deadline passed.
    case missedDeadline(SLADeadline)
    /// The launch date passed and the campaign is not live.
    case missedLaunchDate(Day)
}

/// Computes warning signs from a campaign's history and `now`.
public enum WarningSigns {
    /// Stages where waiting is the plan, not a hold.
    static let intendedWaits: Set<CampaignStage> = [.scheduled, .live, .monitoring, .closed, .cancelled]

    /// Every warning sign of `campaign` at `now` under `rules`, in a fixed order: missing MVP, edit rounds
    /// after requester approval, edits after QA passed, long hold, missed deadlines, missed launch date.
    public static func detect(in campaign: Campaign, at now: Date, rules: Rules) -> [WarningSign] {
        guard !campaign.stage.isTerminal else { return [] }
        var signs: [WarningSign] = []
        if campaign.stage == .heldInIntake, case .hold(let missing)? = campaign.triage {
            signs.append(.missingMVP(missing: missing))
        }
        let thresholds = rules.warnings
        if campaign.editRoundsAfterRequesterApproval >= max(1, thresholds.editRoundsAfterRequesterApproval) {
            signs.append(.editRoundsAfterRequesterApproval(count: campaign.editRoundsAfterRequesterApproval))
        }
        if campaign.editsAfterQAPassed >= max(1, thresholds.editsAfterQAPassed) {
            signs.append(.editsAfterQAPassed(count: campaign.editsAfterQAPassed))
        }
        if !intendedWaits.contains(campaign.stage),
            now >= rules.calendar.adding(thresholds.longHold, to: campaign.stageEnteredAt)
        {
            signs.append(.longHold(stage: campaign.stage, since: campaign.stageEnteredAt))
        }
        for deadline in SLAClock(rules: rules).openDeadlines(of: campaign) where deadline.isOverdue(at: now) {
            signs.append(.missedDeadline(deadline))
        }
        if let launch = campaign.request.brief.launchDate, ![.live, .monitoring].contains(campaign.stage),
            Day(containing: now, in: rules.calendar.zone) > launch
        {
            signs.append(.missedLaunchDate(launch))
        }
        return signs
    }
}

extension WarningSign: Codable {
    private enum Kind: String, Codable {
        case missingMVP = "missing_mvp"
        case editRoundsAfterRequesterApproval = "edit_rounds_after_requester_approval"
        case editsAfterQAPassed = "edits_after_qa_passed"
        case longHold = "long_hold"
        case missedDeadline = "missed_deadline"
        case missedLaunchDate = "missed_launch_date"
    }

    private enum CodingKeys: String, CodingKey {
        case sign, missing, count, stage, since, deadline
        case launchDate = "launch_date"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.decode(Kind.self, forKey: .sign) {
        case .missingMVP: self = .missingMVP(missing: try c.decode([MVPField].self, forKey: .missing))
        case .editRoundsAfterRequesterApproval:
            self = .editRoundsAfterRequesterApproval(count: try c.decode(Int.self, forKey: .count))
        case .editsAfterQAPassed: self = .editsAfterQAPassed(count: try c.decode(Int.self, forKey: .count))
        case .longHold:
            self = .longHold(
                stage: try c.decode(CampaignStage.self, forKey: .stage), since: try c.decode(Date.self, forKey: .since))
        case .missedDeadline: self = .missedDeadline(try c.decode(SLADeadline.self, forKey: .deadline))
        case .missedLaunchDate: self = .missedLaunchDate(try c.decode(Day.self, forKey: .launchDate))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .missingMVP(let missing):
            try c.encode(Kind.missingMVP, forKey: .sign)
            try c.encode(missing, forKey: .missing)
        case .editRoundsAfterRequesterApproval(let count):
            try c.encode(Kind.editRoundsAfterRequesterApproval, forKey: .sign)
            try c.encode(count, forKey: .count)
        case .editsAfterQAPassed(let count):
            try c.encode(Kind.editsAfterQAPassed, forKey: .sign)
            try c.encode(count, forKey: .count)
        case .longHold(let stage, let since):
            try c.encode(Kind.longHold, forKey: .sign)
            try c.encode(stage, forKey: .stage)
            try c.encode(since, forKey: .since)
        case .missedDeadline(let deadline):
            try c.encode(Kind.missedDeadline, forKey: .sign)
            try c.encode(deadline, forKey: .deadline)
        case .missedLaunchDate(let day):
            try c.encode(Kind.missedLaunchDate, forKey: .sign)
            try c.encode(day, forKey: .launchDate)
        }
    }
}
