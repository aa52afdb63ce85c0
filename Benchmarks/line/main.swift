import Bus
import Contracts
import Domain
import Foundation
import LineEndToEndSupport
import Logging

// marquee-line-bench: the lifecycle benchmark of the production line, on the real executables.
//
//   marquee-line-bench [--campaigns N] [--rebuild R] [--stations intake,build,approvals,launch]
//
// 1. Throughput: N generated campaigns (default 300; MARQUEE_LINE_CAMPAIGNS) played through marquee-bus
//    and the four stations by the same driver as Tests/LineEndToEndTests; campaigns per second until every
//    campaign is scheduled or cancelled (intake → build → approvals → launch scheduling) and until every
//    campaign is closed (including the two clock moves and the launch timers). Then each chosen station is
//    rebuilt from that live journal (see 2).
// 2. Rebuild: R campaigns' history (default 10,000) is written to a fresh broker's journal as the line
//    writes it (LineJournal: requests, commands, documents, facts with the stations' derived ids,
//    rejections), a marker command is appended, and each chosen station is started with an EMPTY data
//    directory and timed until its inbox (GET /health, inbox_last_seq) reaches the marker: a rebuild by
//    replay from seq 0.
//    `--rebuild-clock start|end` sets the stations' clock during rebuilds (default start, see rebuildClock).
// Ratios: rebuild rate / live line rate, and per-campaign rebuild cost at R vs at N (linearity).
// Build with -c release for real numbers.

func argument(_ name: String) -> String? {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

let campaigns = argument("--campaigns").flatMap(Int.init) ?? lineCampaignCount(default: 300)
let rebuildCampaigns = argument("--rebuild").flatMap(Int.init) ?? 10_000
/// The stations' clock during a rebuild: `start` (the journal's own time: pure catch-up) or `end` (after every
/// monitoring window: the ticker also sees every replayed intermediate state as overdue; see the report).
let rebuildClock = argument("--rebuild-clock") == "end" ? LineModel.closeClock : LineModel.start
let rebuildStations = (argument("--stations") ?? "intake,build,approvals,launch").split(separator: ",")
    .compactMap { LineStation(rawValue: String($0)) }

func line(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}

let quietLogger: Logger = {
    var logger = Logger(label: "marquee.line.bench")
    logger.logLevel = .warning
    return logger
}()

/// Appends a marker to `cluster`'s journal, then starts each chosen station with an empty data directory
/// and times it until its inbox reaches the marker. Returns the seconds per station.
@MainActor
func rebuild(_ cluster: LineCluster, campaigns: Int, label: String) async throws -> [LineStation: Double] {
    let endpoints = BusEndpoints(ingress: cluster.ingress, fanout: cluster.fanout, control: cluster.control, group: cluster.group)
    let publisher = try Publisher(bus: endpoints, logger: quietLogger)
    let marker = try await publisher.publish(
        Envelope.make(CampaignCommandIssued(campaignID: "cmp-bench-marker", command: .startBuild), source: LineDriver.source))
    await publisher.close()
    var seconds: [LineStation: Double] = [:]
    try cluster.setClock(rebuildClock)
    for station in rebuildStations {
        let begin = ContinuousClock.now
        try await cluster.start(station, dataSuffix: "-rebuild")
        var reached = false
        while (ContinuousClock.now - begin) < .seconds(900) {
            if let health = cluster.health(station), (health.inboxLastSeq.values.max() ?? 0) >= marker {
                reached = true
                break
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        let elapsed = (ContinuousClock.now - begin).seconds
        await cluster.stations[station]!.stop(graceSeconds: 10)
        seconds[station] = elapsed
        line(String(format: "rebuild %@ from seq 0 (%@, head %llu): %@ in %.1f s incl. process start: %.0f campaigns/s, %.0f records/s",
                    station.rawValue, label, marker, reached ? "reached the head" : "DID NOT reach the head", elapsed,
                    Double(campaigns) / elapsed, Double(marker) / elapsed))
    }
    return seconds
}

do {
    let scenarios = LineScenario.generate(count: campaigns)
    let cluster = try LineCluster(clock: LineModel.start)
    defer { cluster.killAll() }
    try await cluster.startAll()
    line("marquee-line-bench: \(campaigns) campaigns, binaries in \(lineProductsDirectory.path)")
    let driver = LineDriver(
        ingress: cluster.ingress, fanout: cluster.fanout, control: cluster.control, scenarios: scenarios,
        setClock: { try cluster.setClock($0) })
    let progress = Task {
        while !Task.isCancelled {
            try? await Task.sleep(for: .seconds(10))
            let p = driver.progress
            line("  … phase \(p.phase), \(p.resting)/\(p.total) resting, \(p.facts) facts")
        }
    }
    let started = ContinuousClock.now
    let observation = try await driver.run(timeout: .seconds(120 + campaigns))
    let elapsed = (ContinuousClock.now - started).seconds
    progress.cancel()
    let problems = LineCheck.problems(observation, scenarios: scenarios)
    let facts = observation.facts.values.reduce(0) { $0 + $1.count }
    line("line: \(LineCheck.summary(observation, scenarios: scenarios))")
    line(problems.isEmpty ? "line: every campaign as expected" : "line: PROBLEMS\n" + problems.joined(separator: "\n"))
    let toScheduled = observation.phaseSeconds.first ?? elapsed
    let liveRate = Double(campaigns) / toScheduled
    line(String(format: "throughput: %.1f campaigns/s to scheduled|cancelled (%.1f s), %.1f campaigns/s to closed (%.1f s), %.0f facts/s",
                liveRate, toScheduled, Double(campaigns) / elapsed, elapsed, Double(facts) / toScheduled))

    for station in LineStation.allCases { await cluster.stations[station]!.stop(graceSeconds: 10) }
    let liveRebuild = try await rebuild(cluster, campaigns: campaigns, label: "live journal")

    // A journal of rebuildCampaigns campaigns, written directly.
    let big = try LineCluster(clock: LineModel.closeClock)
    defer { big.killAll() }
    try await big.startBus()
    let writeStart = ContinuousClock.now
    let records = try await LineJournal.publish(
        LineScenario.generate(count: rebuildCampaigns), ingress: big.ingress, logger: quietLogger)
    line(String(format: "journal: %d records of %d campaigns written in %.1f s", records, rebuildCampaigns,
                (ContinuousClock.now - writeStart).seconds))
    let bigRebuild = try await rebuild(big, campaigns: rebuildCampaigns, label: "\(rebuildCampaigns) campaigns")
    for station in rebuildStations {
        guard let small = liveRebuild[station], let large = bigRebuild[station] else { continue }
        line(String(format: "rebuild %@: %.1fx the live line rate; per campaign %.2f ms at %d vs %.2f ms at %d campaigns (%.2fx)",
                    station.rawValue, Double(rebuildCampaigns) / large / liveRate,
                    small * 1000 / Double(campaigns), campaigns, large * 1000 / Double(rebuildCampaigns), rebuildCampaigns,
                    (large / Double(rebuildCampaigns)) / (small / Double(campaigns))))
    }
    await big.shutdown()
    await cluster.shutdown()
    if !problems.isEmpty { exit(1) }
} catch {
    line("marquee-line-bench: \(error)")
    exit(1)
}
