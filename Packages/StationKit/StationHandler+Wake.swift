import Contracts
import Domain
import Foundation
import GRDB
import Logging
import ServiceKit

extension StationHandler {
    /// What the ticker does for a campaign whose wake-up time came: fires due launch timers and raises
    /// every overdue SLA deadline once (a delayed approval or an SLA breach, along the configured route).
    func wake(_ id: CampaignID, at now: Date, in db: Database, outbox: inout Outbox, logger: Logger) throws {
        guard var record = try StationLedger.load(id, in: db) else { return }
        try automate(&record, at: now, in: db, outbox: &outbox, logger: logger)
        if record.owner == station {
            try StationRecords.raise(
                Escalations.overdue(record.local, at: now, rules: rules), station: station, at: now, in: db,
                outbox: &outbox)
        }
        try save(record, in: db)
    }
}
