import Bus
import Foundation
import Synchronization

/// Queue-group throughput: 1 KB records published by a raw DEALER while 1, 2 and 4 Swift `GroupWorker`s
/// ack each one on arrival (trivial work, acks pipelined up to the worker's credit), timed from the first
/// publish to the last ack. Printed as a scaling curve and as a ratio to plain fan-out — the same publishes
/// to one Swift `Subscriber` — measured in the same run, all with `flush=os`.
enum GroupBenchmark {
    static let workerCounts = [1, 2, 4]
    static let credit = 256

    static func run(_ settings: BenchSettings) async throws {
        let count = settings.groupCount
        let fanout = try await BrokerProcess.with(executable: settings.bus, flush: "os") { broker in
            let subscriber = try Subscriber(endpoints: broker.endpoints, from: .seq(1), logger: settings.logger)
            defer { subscriber.close() }
            let clock = ContinuousClock()
            let start = clock.now
            async let check = subscriber.take(count, within: settings.patience(count))
            _ = try await RawPublisher(ingress: broker.endpoints.ingress, window: settings.window).publish(count: count)
            let received = try await check.received
            return Throughput(messages: received, seconds: (clock.now - start).seconds)
        }
        Report.emit("queue group 1KB flush=os, baseline: Swift Subscriber fan-out of the same publishes: \(Report.rate(fanout.perSecond))")
        var rates: [Throughput] = []
        for workers in workerCounts {
            let group = try await BrokerProcess.with(executable: settings.bus, flush: "os") { broker in
                try await measure(workers: workers, count: count, broker: broker, settings: settings)
            }
            rates.append(group)
            var line = "queue group 1KB flush=os, \(workers) \(workers == 1 ? "worker" : "workers"), credit \(credit): "
            line += "\(Report.rate(group.perSecond)) = \(ratio(group, fanout))x fan-out"
            if group.messages < count { line += " [INCOMPLETE: \(group.messages) of \(count) acked]" }
            Report.emit(line)
        }
        let curve = zip(workerCounts, rates).map { "\($0)→\(ratio($1, rates[0]))x" }.joined(separator: "  ")
        Report.emit("queue group scaling vs 1 worker: \(curve)")
    }

    /// Joins `workers` workers, publishes `count` records, and times until all are acked.
    private static func measure(workers: Int, count: Int, broker: BrokerProcess, settings: BenchSettings) async throws -> Throughput {
        let acked = AckTally()
        let members = try (1...workers).map { number in
            try GroupWorker(
                endpoint: broker.endpoints.group, group: "bench", prefix: Workload.topic, id: "bench-\(number)",
                options: .init(credit: credit), logger: settings.logger)
        }
        let clock = ContinuousClock()
        let start = clock.now
        let publisher = RawPublisher(ingress: broker.endpoints.ingress, window: settings.window)
        async let published = publisher.publish(count: count)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in members {
                group.addTask { try await ackOnArrival(worker, acked: acked) }
            }
            let deadline = clock.now + .seconds(settings.patience(count))
            while acked.count < count, clock.now < deadline {
                try await Task.sleep(for: .milliseconds(2))
            }
            members.forEach { $0.close() }
            try await group.waitForAll()
        }
        let elapsed = (clock.now - start).seconds
        _ = try await published
        return Throughput(messages: acked.count, seconds: elapsed)
    }

    /// Acks every record as it arrives, keeping up to the worker's credit of acks in flight.
    private static func ackOnArrival(_ worker: GroupWorker, acked: AckTally) async throws {
        try await withThrowingTaskGroup(of: Void.self) { pending in
            var inFlight = 0
            for try await work in worker {
                if inFlight >= credit {
                    try await pending.next()
                    inFlight -= 1
                }
                pending.addTask {
                    try await worker.ack(work.seq)
                    acked.add()
                }
                inFlight += 1
            }
        }
    }

    private static func ratio(_ ours: Throughput, _ base: Throughput) -> String {
        base.perSecond > 0 ? String(format: "%.2f", ours.perSecond / base.perSecond) : "?"
    }
}

/// Acks confirmed by the broker, counted from many tasks.
private final class AckTally: Sendable {
    private let acked = Atomic<Int>(0)

    func add() { acked.add(1, ordering: .relaxed) }

    var count: Int { acked.load(ordering: .relaxed) }
}
