import Contracts
import Domain

/// A ``ReportingLedger`` in memory: what the benchmark replays into and what tests compare with the service.
public struct InMemoryLedger: ReportingLedger, Sendable {
    /// Every campaign's track.
    public private(set) var tracks: [CampaignID: CampaignTrack] = [:]
    /// Every QA failure, once.
    public private(set) var qaFailures: Set<QARuleFailure> = []
    /// Every escalation by key.
    public private(set) var escalations: [String: EscalationRecord] = [:]
    /// Every warning by key, in the order raised.
    public private(set) var warnings: [ReportWarningRaised] = []
    private var warningKeys: Set<String> = []

    /// An empty ledger.
    public init() {}

    public func track(_ campaign: CampaignID) -> CampaignTrack? { tracks[campaign] }

    public mutating func save(_ track: CampaignTrack) { tracks[track.id] = track }

    public mutating func record(_ failure: QARuleFailure) { qaFailures.insert(failure) }

    public mutating func record(_ escalation: EscalationRecord) {
        if escalations[escalation.key] == nil { escalations[escalation.key] = escalation }
    }

    public mutating func record(_ warning: ReportWarningRaised) -> Bool {
        guard warningKeys.insert(warning.key).inserted else { return false }
        warnings.append(warning)
        return true
    }

    /// Everything folded, as the reports read it.
    public var data: ReportingData {
        ReportingData(
            tracks: Array(tracks.values), qaFailures: Array(qaFailures), escalations: Array(escalations.values),
            warnings: warnings, kpis: [])
    }
}
