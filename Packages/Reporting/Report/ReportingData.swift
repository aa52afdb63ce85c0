import Contracts
import Domain

/// Everything reports are made from: the folded tracks, QA failures, escalations, raised warnings and
/// imported KPIs.
public struct ReportingData: Sendable {
    public var tracks: [CampaignTrack]
    public var qaFailures: [QARuleFailure]
    public var escalations: [EscalationRecord]
    public var warnings: [ReportWarningRaised]
    public var kpis: [KPIRecord]

    /// Creates the data.
    public init(
        tracks: [CampaignTrack], qaFailures: [QARuleFailure], escalations: [EscalationRecord],
        warnings: [ReportWarningRaised], kpis: [KPIRecord]
    ) {
        self.tracks = tracks
        self.qaFailures = qaFailures
        self.escalations = escalations
        self.warnings = warnings
        self.kpis = kpis
    }
}
