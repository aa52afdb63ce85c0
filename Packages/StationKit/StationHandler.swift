import Contracts
import Domain
import Foundation
import GRDB
import Logging
import ServiceKit

/// The line's shared behaviour, run by each station's ``ServiceKit/EventConsumer``:
/// - folds every `campaign.fact.*` into the station's copy of the campaign (in version order; duplicates
///   are ignored, a missing version dead-letters the fact);
/// - decides `campaign.command.*` (and `campaign.request.*`) for the campaigns whose stage it owns, at the
///   command's time, publishing `campaign.fact.*` or a `campaign.command.rejected`;
/// - runs the station's automation (``Domain/Station/automaticCommand(for:at:rules:)``) after each
///   change, and the station's ``StationHooks``.
///
/// Commands for campaigns owned by another station are left to it; commands for an unknown campaign are
/// rejected by intake, which creates campaigns.
public struct StationHandler: EventHandler {
    /// The station.
    public let station: Station
    let rules: Rules
    let hooks: any StationHooks

    /// A handler for `station` under `rules`.
    public init(station: Station, rules: Rules, hooks: any StationHooks) {
        self.station = station
        self.rules = rules
        self.hooks = hooks
    }

    /// The topic prefixes the station reads.
    public var prefixes: [String] {
        [CampaignFactRecorded.prefix, CampaignCommandIssued.prefix, "campaign.request."] + hooks.extraPrefixes
    }

    public func handle(_ event: AnyEnvelope, in db: Database, outbox: inout Outbox, context: EventContext) throws {
        if let fact = event.typed(as: CampaignFactRecorded.self) {
            try fold(fact, in: db, outbox: &outbox, context: context)
        } else if let issued = event.typed(as: CampaignCommandIssued.self) {
            try decide(issued.data.command, for: issued.data.campaignID, header: event.header, in: db, outbox: &outbox)
        } else if let submitted = event.typed(as: RequestSubmitted.self) {
            guard station == .intake else { return }
            try create(submitted, in: db, outbox: &outbox)
        } else if let resubmitted = event.typed(as: RequestResubmitted.self) {
            try decide(
                .resubmit(resubmitted.data.request), for: resubmitted.data.campaignID, header: event.header, in: db,
                outbox: &outbox)
        } else {
            _ = try hooks.handle(event, in: db, outbox: &outbox, context: context)
        }
    }

    // MARK: Facts

    private func fold(_ envelope: Envelope<CampaignFactRecorded>, in db: Database, outbox: inout Outbox,
                      context: EventContext) throws {
        let fact = envelope.data
        let id = fact.event.campaignID
        var record: CampaignRecord
        if var stored = try StationLedger.load(id, in: db) {
            switch stored.fold(fact) {
            case .duplicate:
                context.logger.debug("fact already folded", metadata: ["version": "\(fact.version)"])
                return
            case .gap(let expected):
                throw HandlerRejection("fact version \(fact.version) of \(id) arrived before version \(expected)")
            case .folded:
                record = stored
            }
        } else {
            guard let first = CampaignRecord(first: fact) else {
                throw HandlerRejection("fact version \(fact.version) of unknown campaign \(id)")
            }
            record = first
        }
        try StationLedger.log(fact, id: envelope.id, source: envelope.source, in: db)
        try hooks.folded(fact, campaign: record.confirmed, in: db, outbox: &outbox)
        try automate(&record, at: fact.event.occurredAt, in: db, outbox: &outbox, logger: context.logger)
        try save(record, in: db)
    }

    // MARK: Commands

    private func create(_ envelope: Envelope<RequestSubmitted>, in db: Database, outbox: inout Outbox) throws {
        let id = envelope.data.campaignID
        guard try StationLedger.load(id, in: db) == nil else {
            reject(
                id, command: envelope.header, stage: nil, code: "duplicate_campaign",
                message: "campaign \(id) already exists", outbox: &outbox)
            return
        }
        let (triaged, events) = Campaign.submit(envelope.data.request, id: id, at: envelope.time, rules: rules)
        let facts = events.enumerated().map { index, event in
            CampaignFactRecorded(
                event: event, version: index + 1, stage: index == events.count - 1 ? triaged.stage : .submitted)
        }
        let record = CampaignRecord(
            created: Campaign(id: id, request: envelope.data.request, submittedAt: envelope.time), facts: facts)
        publish(facts, outbox: &outbox)
        try hooks.decided(facts, campaign: record.local, in: db, outbox: &outbox)
        try save(record, in: db)
    }

    private func decide(_ command: CampaignCommand, for id: CampaignID, header: EnvelopeHeader, in db: Database,
                        outbox: inout Outbox) throws {
        guard var record = try StationLedger.load(id, in: db) else {
            if station == .intake {
                reject(
                    id, command: header, stage: nil, code: "unknown_campaign",
                    message: "no campaign \(id)", outbox: &outbox)
            }
            return
        }
        guard record.owner == station else { return }
        let facts: [CampaignFactRecorded]
        do {
            facts = try record.decide(command, at: header.time, rules: rules)
        } catch {
            reject(
                id, command: header, stage: record.local.stage, code: error.code,
                message: error.description, outbox: &outbox)
            return
        }
        publish(facts, outbox: &outbox)
        try hooks.decided(facts, campaign: record.local, in: db, outbox: &outbox)
        for fact in facts {
            try StationRecords.raise(
                Escalations.caused(by: fact.event, in: record.local, rules: rules), station: station,
                at: header.time, in: db, outbox: &outbox)
        }
        try automate(&record, at: header.time, in: db, outbox: &outbox, logger: nil)
        try save(record, in: db)
    }

    /// Issues the station's automatic commands on `record` until there are none left.
    func automate(_ record: inout CampaignRecord, at now: Date, in db: Database, outbox: inout Outbox,
                  logger: Logger?) throws {
        guard record.owner == station else { return }
        var now = now
        for _ in 0..<8 {
            let campaign = record.local
            guard let command = station.automaticCommand(for: campaign, at: now, rules: rules) else {
                return
            }
            // A timer's command happens at the timer's instant, whenever the ticker noticed it.
            let at = station.nextTimer(for: campaign) ?? now
            now = at
            do {
                let facts = try record.decide(command, at: at, rules: rules)
                publish(facts, outbox: &outbox)
                try hooks.decided(facts, campaign: record.local, in: db, outbox: &outbox)
            } catch {
                logger?.error(
                    "automatic command refused", metadata: ["command": "\(command.kind.rawValue)", "error": "\(error)"])
                return
            }
        }
    }

    private func publish(_ facts: [CampaignFactRecorded], outbox: inout Outbox) {
        for fact in facts {
            outbox.emit(fact, id: DerivedEventID.fact(fact.event.campaignID.rawValue, version: fact.version))
        }
    }

    private func reject(_ id: CampaignID, command: EnvelopeHeader, stage: CampaignStage?, code: String,
                        message: String, outbox: inout Outbox) {
        let rejection = CommandRejected(
            campaignID: id, commandID: command.id, commandType: command.type, stage: stage, code: code,
            message: message)
        outbox.emit(rejection, id: DerivedEventID.rejection(of: command.id))
    }

    /// Stores `record` with its next wake-up: a launch timer or the earliest SLA due time not yet escalated.
    func save(_ record: CampaignRecord, in db: Database) throws {
        var wake: Date?
        if record.owner == station {
            let campaign = record.local
            wake = station.nextTimer(for: campaign)
            for escalation in Escalations.overdue(campaign, at: .distantFuture, rules: rules) {
                guard let due = escalation.deadline?.dueAt, try !StationLedger.wasRaised(escalation.key, in: db) else {
                    continue
                }
                wake = min(wake ?? due, due)
            }
        }
        try StationLedger.save(record, wakeAt: wake, in: db)
    }
}
