import Contracts
import Domain
import Foundation
import GRDB
import ServiceKit
import Synchronization

/// The test service's handler: for each `IntakeTriaged` it records an effect row and emits
/// `CampaignAssigned`. It rejects `hold_count == 99`, and fails (a write error, not a rejection) the first
/// time it sees a campaign listed in `failOnce`.
final class RecordingHandler: EventHandler {
    struct SimulatedWriteFailure: Error {}

    let failOnce: Mutex<Set<CampaignID>>

    init(failOnce: Set<CampaignID> = []) {
        self.failOnce = Mutex(failOnce)
    }

    func handle(_ event: AnyEnvelope, in db: Database, outbox: inout Outbox, context: EventContext) throws {
        guard let triaged = event.typed(as: IntakeTriaged.self)?.data else { return }
        try db.execute(
            sql: "INSERT INTO effects (event_id, campaign_id, seq) VALUES (?, ?, ?)",
            arguments: [event.header.id.uuidString.lowercased(), triaged.campaignID.rawValue, context.seq])
        outbox.emit(CampaignAssigned(campaignID: triaged.campaignID, assignee: "sam.lee", role: triaged.assignTo))
        if triaged.holdCount == 99 { throw HandlerRejection("hold count 99 is not allowed here") }
        if failOnce.withLock({ $0.remove(triaged.campaignID) != nil }) { throw SimulatedWriteFailure() }
    }
}
