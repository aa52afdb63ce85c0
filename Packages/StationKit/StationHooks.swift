import Contracts
import Domain
import GRDB
import ServiceKit

/// What one station adds to the shared line behaviour: extra topics it reads and side effects of facts.
/// Every method runs inside the transaction of the event being handled.
public protocol StationHooks: Sendable {
    /// Topic prefixes read besides facts and commands, e.g. `campaign.document.` for build.
    var extraPrefixes: [String] { get }
    /// The station's own tables.
    func registerMigrations(_ migrator: inout DatabaseMigrator)
    /// Handles an event that is neither a fact nor a command; returns false when it is not for this station.
    func handle(_ event: AnyEnvelope, in db: Database, outbox: inout Outbox, context: EventContext) throws -> Bool
    /// Runs after this station decided `facts` for `campaign` (its state after them): notification events.
    func decided(_ facts: [CampaignFactRecorded], campaign: Campaign, in db: Database, outbox: inout Outbox) throws
    /// Runs after a fact read on the bus was folded (`campaign` is the confirmed state after it).
    func folded(_ fact: CampaignFactRecorded, campaign: Campaign, in db: Database, outbox: inout Outbox) throws
}

extension StationHooks {
    public var extraPrefixes: [String] { [] }
    public func registerMigrations(_ migrator: inout DatabaseMigrator) {}
    public func handle(_ event: AnyEnvelope, in db: Database, outbox: inout Outbox, context: EventContext) throws
        -> Bool
    { false }
    public func decided(_ facts: [CampaignFactRecorded], campaign: Campaign, in db: Database, outbox: inout Outbox)
        throws
    {}
    public func folded(_ fact: CampaignFactRecorded, campaign: Campaign, in db: Database, outbox: inout Outbox)
        throws
    {}
}

/// A station with no behaviour of its own (approvals and launch: the line's automation is all they add).
public struct NoHooks: StationHooks {
    public init() {}
}
