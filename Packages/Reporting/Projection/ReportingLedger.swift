import Contracts
import Domain

/// Where reporting's projected state lives: ``InMemoryLedger`` for tests and benchmarks, the service's
/// SQLite tables in production. ``ReportingFold`` reads and writes through it, so both fold identically.
public protocol ReportingLedger {
    /// The track of `campaign`, if its first fact was folded.
    func track(_ campaign: CampaignID) throws -> CampaignTrack?
    /// Stores `track` (replacing the campaign's previous one).
    mutating func save(_ track: CampaignTrack) throws
    /// Records a QA failure; the same failure twice is one.
    mutating func record(_ failure: QARuleFailure) throws
    /// Records an escalation; the same key twice is one.
    mutating func record(_ escalation: EscalationRecord) throws
    /// Records a warning; returns whether its key is new (only then is it published).
    mutating func record(_ warning: ReportWarningRaised) throws -> Bool
}
