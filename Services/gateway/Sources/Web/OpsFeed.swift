import Bus
import Contracts
import Foundation
import Logging
import ServiceKit
import ServiceLifecycle
import Synchronization

/// The ops page's view of the bus: a non-durable subscription of every topic from the live head (nothing is
/// acknowledged or stored), its latest ``capacity`` records kept in a ring and passed on to every listener
/// (`GET /events?tail=1`), and the lag of every queue group (the broker's `STATS`, as `marquee lag` reads it)
/// and of the gateway's own consumer (its inbox seq against the head). `Sendable`: state behind `Mutex`es.
public final class OpsFeed: Service, Sendable {
    /// One record seen on the bus.
    struct TailLine: Sendable, Equatable {
        var seq: UInt64
        var topic: String
        var subject: String
        var source: String
        var time: String

        /// The line as the page shows it.
        var text: String { "#\(seq) \(time) \(topic) \(subject) \(source)" }
    }

    /// The lag of one reader of the bus.
    struct Lag: Sendable {
        var name: String
        var kind: String
        var position: UInt64
        var behind: UInt64
        var detail: String
    }

    /// How many records the ring keeps.
    static let capacity = 200

    let endpoints: BusEndpoints?
    let control: BusControl?
    let store: ServiceStore
    let logger: Logger
    private let ring = Mutex<[TailLine]>([])
    private let listeners = Mutex<[Int: AsyncStream<TailLine>.Continuation]>([:])
    private let nextID = Atomic<Int>(0)

    /// A feed of the bus at `endpoints` (nil: no tail) with lag from `control` (nil: none) and `store`'s inbox.
    public init(endpoints: BusEndpoints?, control: BusControl?, store: ServiceStore, logger: Logger) {
        self.endpoints = endpoints
        self.control = control
        self.store = store
        self.logger = logger
    }

    /// Follows the live stream until cancelled or gracefully shut down; a lost subscription is taken up again a
    /// second later (the tail is for people: losing it never stops the gateway). Without a bus (tests) there is
    /// nothing to follow.
    public func run() async throws {
        guard let endpoints else { return }
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                try await follow(endpoints)
            } catch {
                logger.warning("ops tail lost; following again in 1 s", metadata: [LogKey.error: "\(error)"])
            }
            try? await Task.sleep(for: .seconds(1))
        }
    }

    private func follow(_ endpoints: BusEndpoints) async throws {
        let subscriber = try Subscriber(endpoints: endpoints, prefixes: [""], from: .live, logger: logger)
        let ending: (any Error)? = await cancelWhenGracefulShutdown {
            await withTaskCancellationHandler {
                do {
                    for try await delivery in subscriber { self.record(delivery) }
                    return nil
                } catch where Task.isCancelled {
                    return nil
                } catch {
                    return error
                }
            } onCancel: {
                subscriber.close()
            }
        }
        subscriber.close()
        do {
            for try await _ in subscriber {}  // drain what is buffered: the channel must be empty when freed
        } catch {
            // Ended with an error: nothing is buffered any more.
        }
        if let ending { throw ending }
    }

    /// Keeps `delivery` in the ring and passes it to every listener.
    func record(_ delivery: Delivery) {
        var subject = "", source = "", time = ""
        if case .object(let members)? = JSONValue.parse(Data(delivery.payload)) {
            if case .string(let text)? = members["subject"] { subject = text }
            if case .string(let text)? = members["source"] { source = text }
            if case .string(let text)? = members["time"] { time = text }
        }
        let line = TailLine(seq: delivery.seq, topic: delivery.topic, subject: subject, source: source, time: time)
        ring.withLock { lines in
            lines.append(line)
            if lines.count > Self.capacity { lines.removeFirst(lines.count - Self.capacity) }
        }
        for listener in listeners.withLock({ Array($0.values) }) { listener.yield(line) }
    }

    /// The records in the ring, newest first.
    func recent() -> [TailLine] { ring.withLock { $0.reversed() } }

    /// The records seen from now on; listening ends when the consumer stops iterating.
    func stream() -> AsyncStream<TailLine> {
        let id = nextID.wrappingAdd(1, ordering: .relaxed).newValue
        let (stream, continuation) = AsyncStream.makeStream(
            of: TailLine.self, bufferingPolicy: .bufferingNewest(Self.capacity))
        continuation.onTermination = { [weak self] _ in _ = self?.listeners.withLock { $0.removeValue(forKey: id) } }
        listeners.withLock { $0[id] = continuation }
        return stream
    }

    /// The broker's head and the lag of every queue group and of the gateway's consumers; nil head when the broker
    /// does not answer.
    func lag() async -> (head: UInt64?, readers: [Lag], problem: String?) {
        var head: UInt64?
        var readers: [Lag] = []
        var problem: String?
        if let control {
            do {
                let stats = try JSONDecoder().decode(BrokerStatsDigest.self, from: Data(try await control.stats()))
                head = stats.lastSeq
                readers = stats.groups.map {
                    Lag(
                        name: $0.name, kind: "queue group", position: $0.cursor, behind: $0.unscanned,
                        detail: "\($0.leases) leased, \($0.deadLetters) dead letters, workers "
                            + $0.workers.joined(separator: ", "))
                }
            } catch {
                problem = "the broker did not answer: \(error)"
            }
        } else {
            problem = "no bus connection"
        }
        if let seqs = try? await store.inboxSeqs() {
            for (consumer, seq) in seqs.sorted(by: { $0.key < $1.key }) {
                readers.append(
                    Lag(
                        name: consumer, kind: "gateway consumer", position: seq,
                        behind: head.map { $0 > seq ? $0 - seq : 0 } ?? 0, detail: "inbox seq"))
            }
        }
        return (head, readers, problem)
    }

    /// The part of the broker's `STATS` reply the ops page shows.
    struct BrokerStatsDigest: Decodable {
        struct Group: Decodable {
            var name: String
            var cursor: UInt64
            var unscanned: UInt64
            var leases: Int
            var deadLetters: UInt64
            var workers: [String]

            enum CodingKeys: String, CodingKey {
                case name, cursor, unscanned, leases, workers
                case deadLetters = "dead_letters"
            }
        }

        var lastSeq: UInt64
        var groups: [Group]

        enum CodingKeys: String, CodingKey {
            case groups
            case lastSeq = "last_seq"
        }
    }
}
