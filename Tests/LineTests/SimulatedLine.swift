import Contracts
import Domain
import Foundation
import GRDB
import Logging
import ServiceKit

@testable import StationKit

/// The four stations over an in-memory journal, for testing the line's rules without processes: each
/// station reads the journal in order through its own handler and database; what it emits goes to its
/// relay queue and reaches the journal only when the test calls ``relay(_:)`` (or ``settle()``), so tests
/// choose the interleavings a real relay could produce.
final class SimulatedLine {
    struct Member {
        let handler: StationHandler
        let db: DatabaseQueue
        var cursor = 0
        var relayQueue: [AnyEnvelope] = []
    }

    /// The journal, in seq order; ids are unique (the broker's dedupe).
    private(set) var journal: [AnyEnvelope] = []
    private var ids: Set<UUID> = []
    var members: [Station: Member] = [:]
    /// Events a station's handler refused (its consumer would dead-letter them).
    private(set) var deadLetters: [(station: Station, rejection: HandlerRejection)] = []
    let rules: Rules
    let logger = Logger(label: "test.line")

    init(rules: Rules = .builtIn, stations: [Station] = Station.allCases,
         hooks: (Station) -> any StationHooks = { _ in NoHooks() }) throws {
        self.rules = rules
        for station in stations {
            let stationHooks = hooks(station)
            let db = try DatabaseQueue()
            var migrator = DatabaseMigrator()
            StationLedger.register(&migrator)
            stationHooks.registerMigrations(&migrator)
            try migrator.migrate(db)
            members[station] = Member(
                handler: StationHandler(station: station, rules: rules, hooks: stationHooks),
                db: db)
        }
    }

    /// Appends `event` to the journal (through JSON, as on the wire) unless its id is already there.
    @discardableResult
    func publish<Payload: Event>(_ event: Payload, source: String = "marquee/test", at time: Date,
                                 id: UUID = UUID()) throws -> Envelope<Payload> {
        let envelope = Envelope.make(event, source: source, id: id, now: time)
        try append(AnyEnvelope(envelope))
        return envelope
    }

    /// Appends an envelope from another journal unchanged (same id).
    func replay(_ envelope: AnyEnvelope) throws { try append(envelope) }

    private func append(_ envelope: AnyEnvelope) throws {
        guard ids.insert(envelope.header.id).inserted else { return }
        journal.append(try EventCatalog.marquee.decode(try envelope.encoded()))
    }

    /// Lets `station` read the journal to its end (its emits wait in its relay queue).
    func deliver(to station: Station) throws {
        guard var member = members[station] else { return }
        while member.cursor < journal.count {
            let event = journal[member.cursor]
            member.cursor += 1
            let context = EventContext(seq: UInt64(member.cursor), now: event.header.time, logger: logger)
            let handler = member.handler
            do {
                member.relayQueue += try member.db.write { db -> [AnyEnvelope] in
                    var outbox = Outbox(source: station.source, cause: event.header, now: event.header.time)
                    try handler.handle(event, in: db, outbox: &outbox, context: context)
                    return outbox.envelopes
                }
            } catch let rejection as HandlerRejection {
                deadLetters.append((station, rejection))  // the consumer dead-letters it and goes on
            }
        }
        members[station] = member
    }

    /// Publishes what `station` emitted so far.
    func relay(_ station: Station) throws {
        guard var member = members[station] else { return }
        for envelope in member.relayQueue { try append(envelope) }
        member.relayQueue = []
        members[station] = member
    }

    /// Delivers and relays for every station until the journal stops growing.
    func settle() throws {
        var length = -1
        while length != journal.count {
            length = journal.count
            for station in members.keys.sorted(by: { $0.rawValue < $1.rawValue }) {
                try deliver(to: station)
                try relay(station)
            }
        }
    }

    /// Runs `station`'s ticker once at `now` (its emits wait in its relay queue).
    func tick(_ station: Station, at now: Date) throws {
        guard var member = members[station] else { return }
        let handler = member.handler
        let logger = logger
        let emitted = try member.db.write { db -> [AnyEnvelope] in
            var outbox = Outbox(source: station.source, cause: nil, now: now)
            for id in try StationLedger.due(at: now, limit: 1000, in: db) {
                try handler.wake(id, at: now, in: db, outbox: &outbox, logger: logger)
            }
            return outbox.envelopes
        }
        member.relayQueue += emitted
        members[station] = member
    }

    /// Ticks every station at `now`, then settles.
    func advance(to now: Date) throws {
        for station in members.keys { try tick(station, at: now) }
        try settle()
    }

    // MARK: Reading

    /// The facts of `campaign` in the journal, in order.
    func facts(of campaign: CampaignID) -> [CampaignFactRecorded] {
        journal.compactMap { $0.typed(as: CampaignFactRecorded.self)?.data }.filter { $0.event.campaignID == campaign }
    }

    /// The rejections in the journal.
    var rejections: [CommandRejected] { journal.compactMap { $0.typed(as: CommandRejected.self)?.data } }

    /// Events of type `Payload` in the journal.
    func events<Payload: Event>(_ type: Payload.Type) -> [Envelope<Payload>] {
        journal.compactMap { $0.typed(as: type) }
    }

    /// `station`'s copy of `campaign`: (confirmed stage, version, pending count).
    func record(_ campaign: CampaignID, at station: Station) throws -> CampaignRecord? {
        try members[station]?.db.read { db in try StationLedger.load(campaign, in: db) }
    }

    /// `station`'s fact log of `campaign`: the versions folded.
    func loggedVersions(_ campaign: CampaignID, at station: Station) throws -> [Int] {
        try members[station]?.db.read { db in
            try Int.fetchAll(
                db, sql: "SELECT version FROM fact_log WHERE campaign = ? ORDER BY version", arguments: [campaign.rawValue])
        } ?? []
    }
}
