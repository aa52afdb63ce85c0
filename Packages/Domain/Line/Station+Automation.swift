import Foundation

extension Station {
    /// The command this station issues by itself for `campaign` at `now`, if any — steps of the line that
    /// need no person:
    /// - approvals starts the matrix as soon as QA passed;
    /// - launch schedules an approved campaign for its brief's launch date (when that is still ahead),
    ///   puts a scheduled campaign live at its time, opens the monitoring window, and closes the campaign
    ///   when the window ends.
    ///
    /// Only the owner of the campaign's stage acts; `nil` also when the step waits for a person or a time.
    public func automaticCommand(for campaign: Campaign, at now: Date, rules: Rules) -> CampaignCommand? {
        guard campaign.stage.station == self else { return nil }
        switch campaign.stage {
        case .qaPassed:
            return .startApprovals
        case .approved:
            guard let goLive = rules.launch.goLive(for: campaign.request, calendar: rules.calendar), goLive > now else {
                return nil
            }
            return .schedule(goLiveAt: goLive)
        case .scheduled:
            guard let goLive = campaign.goLiveAt, now >= goLive else { return nil }
            return .goLive
        case .live:
            return .startMonitoring(until: rules.launch.monitoringEnd(startingAt: now))
        case .monitoring:
            guard let end = campaign.monitoringUntil, now >= end else { return nil }
            return .close
        default:
            return nil
        }
    }

    /// The next instant at which ``automaticCommand(for:at:rules:)`` may return a command for
    /// `campaign` without any new event: the go-live time or the end of monitoring.
    public func nextTimer(for campaign: Campaign) -> Date? {
        guard campaign.stage.station == self else { return nil }
        switch campaign.stage {
        case .scheduled: return campaign.goLiveAt
        case .monitoring: return campaign.monitoringUntil
        default: return nil
        }
    }
}
