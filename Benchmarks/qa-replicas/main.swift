// marquee-qa-replicas-bench: throughput of 1, 2 and 4 `marquee-qa` replicas through the bus.
//
//   marquee-qa-replicas-bench [--requests N] [--replicas 1,2,4]
//
// For each replica count: a fresh `marquee-bus`, that many `marquee-qa` processes (queue group `qa`), then N
// QA requests (an email submitted, revised and QA requested per campaign) published while they work; timed
// until N distinct campaigns have a `qa.report.ready`. Printed as requests/s and as a ratio to one replica
// measured in the same run (absolute rates on this shared machine move from run to run). Build with
// -c release for real numbers; `Benchmarks/qa/run` (make bench-qa) runs it.
import Bus
import Contracts
import Domain
import Foundation
import LineEndToEndSupport
import Logging

func argument(_ name: String) -> String? {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

let requests = argument("--requests").flatMap(Int.init) ?? 2_000
let counts = (argument("--replicas") ?? "1,2,4").split(separator: ",").compactMap { Int($0) }
let logger: Logger = {
    var logger = Logger(label: "marquee.qa.replicas.bench")
    logger.logLevel = .warning
    return logger
}()

/// Seconds for `replicas` replicas to report `requests` QA requests.
func measure(replicas: Int) async throws -> Double {
    let cluster = try LineCluster(clock: Date())
    defer { cluster.killAll() }
    try await cluster.startBus()
    var processes: [ChildProcess] = []
    for index in 1...replicas {
        processes.append(
            try await QAWorkload.startReplica(
                index, ingress: cluster.ingress, fanout: cluster.fanout, control: cluster.control, group: cluster.group,
                directory: cluster.directory))
    }
    defer { for process in processes { process.kill9() } }
    let endpoints = BusEndpoints(
        ingress: cluster.ingress, fanout: cluster.fanout, control: cluster.control, group: cluster.group)
    let reports = try Subscriber(
        endpoints: endpoints, prefixes: [QAReportReady.topic.rawValue], from: .seq(1), logger: logger)
    let started = ContinuousClock.now
    async let published = QAWorkload.publish(requests, ingress: cluster.ingress, logger: logger)
    var reported: Set<CampaignID> = []
    for try await delivery in reports {
        if let report = try? Envelope<QAReportReady>.decode(Data(delivery.payload), topic: delivery.topic) {
            reported.insert(report.data.campaignID)
        }
        if reported.count == requests { break }
    }
    let seconds = (ContinuousClock.now - started).seconds
    reports.close()
    for try await _ in reports {}  // the channel must be empty when the subscriber is freed
    _ = try await published
    for process in processes { await process.stop(graceSeconds: 5) }
    await cluster.shutdown()
    return seconds
}

print("marquee-qa-replicas-bench: \(requests) QA requests, replicas \(counts), \(ProcessInfo.processInfo.activeProcessorCount) cores")
var baseline: Double?
for count in counts {
    let seconds = try await measure(replicas: count)
    let rate = Double(requests) / seconds
    baseline = baseline ?? rate
    print(String(format: "%d replica(s): %.0f requests/s (%.1f s), %.2fx one replica", count, rate, seconds, rate / baseline!))
}
