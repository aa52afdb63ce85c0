import Contracts
import Domain
import Foundation
import GRDB
import Logging
import Reporting
import ServiceKit

/// Folds every campaign fact, QA report and escalation into marquee-reporting's tables (through
/// ``Reporting/ReportingFold``) and publishes each new warning sign once, under an id derived from its key.
///
/// A fact out of version order or of a campaign never submitted is dead-lettered, as the stations do.
public struct ReportingHandler: EventHandler {
    let fold: ReportingFold

    /// A handler under `rules`.
    public init(rules: Rules) {
        fold = ReportingFold(rules: rules)
    }

    public func handle(_ event: AnyEnvelope, in db: Database, outbox: inout Outbox, context: EventContext) throws {
        var ledger = DatabaseLedger(db: db)
        switch try fold.apply(event, to: &ledger) {
        case .folded(let warnings):
            for warning in warnings {
                Self.emit(warning, into: &outbox, logger: context.logger)
            }
        case .duplicate:
            context.logger.debug("fact already folded")
        case .gap(let expected):
            throw HandlerRejection("fact arrived before version \(expected) of its campaign")
        case .unknownCampaign(let campaign):
            throw HandlerRejection("fact of unknown campaign \(campaign)")
        case .ignored:
            break
        }
    }

    /// Appends `warning` to `outbox` under its derived id and logs it once.
    static func emit(_ warning: ReportWarningRaised, into outbox: inout Outbox, logger: Logger) {
        let envelope = outbox.emit(warning, id: ReportingStore.eventID(ofWarning: warning.key))
        logger.info(
            "warning sign raised",
            metadata: [
                LogKey.campaignID: "\(warning.campaignID)", "warning.kind": "\(WarningKind(warning.sign).rawValue)",
                "warning.key": "\(warning.key)", "warning.event_id": "\(envelope.id)",
            ])
    }
}
