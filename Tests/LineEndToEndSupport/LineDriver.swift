import Bus
import Contracts
import Domain
import Foundation
import Logging
import Synchronization

/// Everything the driver read back from the journal, deduplicated by event id.
public struct LineObservation: Sendable {
    public struct Fact: Sendable, Equatable {
        public var id: UUID
        public var seq: UInt64
        public var version: Int
        public var type: CampaignFactType
        public var stage: CampaignStage
        public var source: String
    }

    /// Every fact per campaign in journal order (first copy of each event id).
    public var facts: [CampaignID: [Fact]] = [:]
    /// Facts with an id not seen before for a (campaign, version) already seen: a version decided twice.
    public var duplicateVersions: [(CampaignID, Int)] = []
    /// Facts that skipped a version.
    public var gaps: [(CampaignID, Int)] = []
    /// Records whose id was seen before (re-publications), skipped.
    public var repeatedIDs = 0
    public var rejections: [CommandRejected] = []
    public var deadLetters: [DeadLetter] = []
    /// Records that did not decode as a known event.
    public var undecodable: [String] = []
    /// Per campaign, the stage the mirror ended in.
    public var finalStages: [CampaignID: CampaignStage] = [:]
    /// Seconds from the first publish until every campaign rested in phase 0, 1, 2.
    public var phaseSeconds: [Double] = []
    /// Whether every phase completed before the timeout.
    public var completed = false
    /// Commands and documents the driver published, and publishes that failed.
    public var published = 0
    public var publishFailures: [String] = []
}

/// How far a run is, for a concurrent chaos task or a progress print.
public struct LineProgress: Sendable, Equatable {
    public var phase = 0
    public var resting = 0
    public var total = 0
    public var facts = 0
}

/// Plays the people of the line: publishes each campaign's request, reads `campaign.fact.*` (and
/// rejections, dead letters) from seq 1, folds the facts into a mirror of every campaign and, whenever a
/// campaign has all the facts its last actions cause, publishes its scenario's next actions. When every
/// campaign rests (scheduled or cancelled) it moves the file clock to `LineModel.goLiveClock`, then to
/// `LineModel.closeClock`, and ends when every campaign is closed or cancelled (or at the timeout).
public final class LineDriver: Sendable {
    let endpoints: BusEndpoints
    let scenarios: [LineScenario]
    let lanes: Int
    let logger: Logger
    let progressState = Mutex(LineProgress())
    let onClock: @Sendable (Date) throws -> Void

    public static let source = "marquee/e2e-driver"

    /// A driver against the broker at `ingress`/`fanout`/`control` (with `credentials` for a CURVE broker);
    /// `setClock` moves the stations' clock.
    public init(ingress: String, fanout: String, control: String, credentials: BusCredentials? = nil, scenarios: [LineScenario],
                lanes: Int = 8, setClock: @escaping @Sendable (Date) throws -> Void) {
        endpoints = BusEndpoints(ingress: ingress, fanout: fanout, control: control, group: control, credentials: credentials)
        self.scenarios = scenarios
        self.lanes = lanes
        var logger = Logger(label: "marquee.e2e.driver")
        logger.logLevel = .warning
        self.logger = logger
        onClock = setClock
    }

    public var progress: LineProgress { progressState.withLock { $0 } }

    struct Tracked {
        var scenario: LineScenario
        var mirror: Campaign?
        var version = 0
        var awaitVersion = 1
        var seen: Set<Int> = []
    }

    static let restStages: [Set<CampaignStage>] = [[.scheduled, .cancelled], [.monitoring, .cancelled], [.closed, .cancelled]]

    /// Runs the whole line; returns what was observed (also when it timed out: `completed` is false).
    public func run(timeout: Duration) async throws -> LineObservation {
        let subscriber = try Subscriber(
            endpoints: endpoints,
            prefixes: [CampaignFactRecorded.prefix, CommandRejected.topic.rawValue, "deadletter."], from: .seq(1),
            logger: logger)
        var continuations: [AsyncStream<AnyEnvelope>.Continuation] = []
        let observed = PublishCounters()
        let publishers = try (0..<lanes).map { _ in try Publisher(bus: endpoints, logger: logger) }
        var laneTasks: [Task<Void, Never>] = []
        for publisher in publishers {
            let (stream, continuation) = AsyncStream<AnyEnvelope>.makeStream()
            continuations.append(continuation)
            laneTasks.append(Task {
                for await envelope in stream {
                    do {
                        _ = try await publisher.publish(envelope)
                        observed.value.withLock { $0.published += 1 }
                    } catch {
                        observed.value.withLock { $0.failures.append("\(envelope.header.type): \(error)") }
                    }
                }
            })
        }
        let watchdog = Task {
            try? await Task.sleep(for: timeout)
            subscriber.close()
        }
        let started = ContinuousClock.now
        var tracked: [CampaignID: Tracked] = [:]
        for scenario in scenarios { tracked[scenario.id] = Tracked(scenario: scenario) }
        func lane(_ id: CampaignID) -> Int { Int(UInt(bitPattern: id.rawValue.hashValue) % UInt(lanes)) }
        let trace = ProcessInfo.processInfo.environment["MARQUEE_E2E_TRACE"].map(CampaignID.init(rawValue:))
        func send<E: Event>(_ event: E, for id: CampaignID) {
            if id == trace { print("[trace] \((ContinuousClock.now - started).seconds) send \(E.self) \(event.topic)") }
            continuations[lane(id)].yield(AnyEnvelope(Envelope.make(event, source: Self.source, now: LineModel.start)))
        }
        for scenario in scenarios {
            send(RequestSubmitted(campaignID: scenario.id, request: scenario.request(complete: !scenario.incomplete)),
                 for: scenario.id)
        }

        var phase = 0
        var restless = Set(scenarios.map(\.id))
        var seenIDs = Set<UUID>()
        var result = LineObservation()
        func isResting(_ t: Tracked) -> Bool {
            guard let stage = t.mirror?.stage else { return false }
            return Self.restStages[phase].contains(stage) && t.version >= t.awaitVersion
        }
        func act(_ id: CampaignID) {
            guard var t = tracked[id], let campaign = t.mirror else { return }
            let actions = LineModel.actions(for: campaign, scenario: t.scenario)
            var simulated = campaign
            let (facts, _) = LineModel.apply(actions, to: &simulated)
            t.awaitVersion = t.version + facts.count
            tracked[id] = t
            for action in actions {
                switch action {
                case .command(let command):
                    send(CampaignCommandIssued(campaignID: id, command: command), for: id)
                case .document(let document, let content, let by):
                    send(
                        DocumentSubmitted(
                            campaignID: id, document: document, mediaType: "text/html", content: content, submittedBy: by),
                        for: id)
                }
            }
        }

        deliveries: for try await delivery in subscriber {
            guard let envelope = try? EventCatalog.marquee.decode(Data(delivery.payload), topic: delivery.topic) else {
                result.undecodable.append(delivery.topic)
                continue
            }
            guard seenIDs.insert(envelope.header.id).inserted else {
                result.repeatedIDs += 1
                continue
            }
            if let rejection = envelope.typed(as: CommandRejected.self) {
                result.rejections.append(rejection.data)
                continue
            }
            if let letter = envelope.typed(as: DeadLetter.self) {
                result.deadLetters.append(letter.data)
                continue
            }
            guard let fact = envelope.typed(as: CampaignFactRecorded.self)?.data,
                var t = tracked[fact.event.campaignID]
            else { continue }
            let id = fact.event.campaignID
            if id == trace { print("[trace] \((ContinuousClock.now - started).seconds) seq \(delivery.seq) v\(fact.version) \(fact.event.fact.type) -> \(fact.stage)") }
            result.facts[id, default: []].append(
                .init(id: envelope.header.id, seq: delivery.seq, version: fact.version, type: fact.event.fact.type,
                      stage: fact.stage, source: envelope.header.source))
            guard t.seen.insert(fact.version).inserted else {
                result.duplicateVersions.append((id, fact.version))
                continue
            }
            guard fact.version == t.version + 1 else {
                result.gaps.append((id, fact.version))
                continue
            }
            if fact.version == 1 {
                t.mirror = Campaign(replaying: [fact.event])
            } else {
                t.mirror?.evolve(fact.event)
            }
            t.version = fact.version
            tracked[id] = t
            if t.version >= t.awaitVersion { act(id) }
            if let t = tracked[id] {
                if isResting(t) { restless.remove(id) } else { restless.insert(id) }
            }
            while restless.isEmpty {
                result.phaseSeconds.append((ContinuousClock.now - started).seconds)
                phase += 1
                if phase == Self.restStages.count {
                    result.completed = true
                    break deliveries
                }
                try onClock(phase == 1 ? LineModel.goLiveClock : LineModel.closeClock)
                restless = Set(tracked.values.filter { !isResting($0) }.map(\.scenario.id))
            }
            let count = scenarios.count - restless.count
            progressState.withLock {
                $0.phase = phase
                $0.resting = count
                $0.total = scenarios.count
                $0.facts += 1
            }
        }
        watchdog.cancel()
        subscriber.close()
        for try await _ in subscriber {}  // the channel must be empty when the subscriber is freed
        for continuation in continuations { continuation.finish() }
        for task in laneTasks { await task.value }
        for publisher in publishers { await publisher.close() }
        for (id, t) in tracked { result.finalStages[id] = t.mirror?.stage }
        let counters = observed.value.withLock { $0 }
        result.published = counters.published
        result.publishFailures = counters.failures
        return result
    }
}

final class PublishCounters: Sendable {
    let value = Mutex<(published: Int, failures: [String])>((0, []))
}

extension Duration {
    /// The duration in seconds.
    public var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
