import Contracts
import Domain
import Foundation
import GRDB
import ServiceKit

/// What station hooks may read and raise inside the transaction they run in.
public enum StationRecords {
    /// The campaign `id` as this station sees it (its own pending facts included), if known.
    public static func campaign(_ id: CampaignID, in db: Database) throws -> Campaign? {
        try StationLedger.load(id, in: db)?.local
    }

    /// Raises each escalation not raised before, as `station`.
    public static func raise(_ escalations: [Escalation], station: Station, at now: Date, in db: Database,
                             outbox: inout Outbox) throws {
        for escalation in escalations where try StationLedger.markRaised(escalation.key, at: now, in: db) {
            outbox.emit(
                EscalationRaised(escalation: escalation, station: station),
                id: DerivedEventID.escalation(escalation.key))
        }
    }
}
