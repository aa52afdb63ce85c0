import Contracts
import Domain
import Foundation
import Reporting
import ReportingFixtures

// marquee-reporting-bench [--events N] [--campaigns N]
//
// 1. Replay: N generated campaign facts (default 1,000,000) as envelope JSON are decoded and folded into the
//    projections (`ReportingFold` into an `InMemoryLedger`, warning detection included). Baseline, same run:
//    decoding the same bytes only.
// 2. Weekly report: a history of `--campaigns` campaigns (default 10,000) over 12 weeks is folded, then the
//    weekly report of its busiest week is computed and rendered as HTML, CSV and JSON. Baseline, same run:
//    decoding that history's events.
// Times are CPU seconds of this single-threaded process, so other load on a shared machine does not count; absolute
// figures still vary between machines, the ratios are the figures to compare.

struct Settings {
    var events = 1_000_000
    var campaigns = 10_000

    init(_ arguments: [String]) throws {
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            guard let value = rest.popFirst().flatMap(Int.init), value > 0 else { throw Usage("\(flag) needs a positive number") }
            switch flag {
            case "--events": events = value
            case "--campaigns": campaigns = value
            default: throw Usage("unknown flag \(flag); use --events N --campaigns N")
            }
        }
    }
}

struct Usage: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// CPU seconds (user + system) the process spent in `body`; the work is single-threaded.
func measure(_ body: () throws -> Void) rethrows -> Double {
    let start = processCPUSeconds()
    try body()
    return processCPUSeconds() - start
}

func processCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
    return user + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
}

/// The encoded envelopes of the first campaigns of `history` until `events` facts.
func journal(_ history: SyntheticHistory, events: Int) throws -> [Data] {
    var bytes: [Data] = []
    var next = 0
    while bytes.count < events {
        let chunk = history.envelopes(next..<(next + 500))
        next += 500
        for envelope in chunk.prefix(events - bytes.count) { bytes.append(try envelope.encoded()) }
    }
    return bytes
}

func decodeAll(_ bytes: [Data]) throws -> Int {
    var count = 0
    for payload in bytes { count += try EventCatalog.marquee.decode(payload).header.type.rawValue.utf8.count > 0 ? 1 : 0 }
    return count
}

func fold(_ bytes: [Data], rules: Rules) throws -> InMemoryLedger {
    var ledger = InMemoryLedger()
    let fold = ReportingFold(rules: rules)
    for payload in bytes { _ = try fold.apply(try EventCatalog.marquee.decode(payload), to: &ledger) }
    return ledger
}

func run() throws {
    let settings = try Settings(Array(CommandLine.arguments.dropFirst()))
    let rules = Rules.builtIn
    print("marquee-reporting-bench: \(settings.events) events, weekly report of \(settings.campaigns) campaigns")

    var bytes: [Data] = []
    let generating = try measure { bytes = try journal(SyntheticHistory(spreadDays: 365), events: settings.events) }
    print(String(format: "generated %d events (%.1f MB) in %.1f s CPU", bytes.count, Double(bytes.reduce(0) { $0 + $1.count }) / 1e6, generating))
    let decoding = try measure { _ = try decodeAll(bytes) }
    var ledger = InMemoryLedger()
    let replaying = try measure { ledger = try fold(bytes, rules: rules) }
    print(String(format: "baseline  decode only:          %8.2f s CPU  %10.0f events/s", decoding, Double(bytes.count) / decoding))
    print(String(format: "replay    decode + projections: %8.2f s CPU  %10.0f events/s  (%.2fx the decode time)",
                 replaying, Double(bytes.count) / replaying, replaying / decoding))
    print("          \(ledger.tracks.count) campaigns, \(ledger.warnings.count) warnings, \(ledger.qaFailures.count) QA failures")
    bytes = []

    let history = SyntheticHistory(spreadDays: 84)
    let reportBytes = try history.envelopes(0..<settings.campaigns).map { try $0.encoded() }
    let reportDecoding = try measure { _ = try decodeAll(reportBytes) }
    let data = try fold(reportBytes, rules: rules).data
    let weeks = data.tracks.map { ISOWeek(containing: $0.campaign.submittedAt, in: rules.calendar.zone) }
    let busiest = Dictionary(weeks.map { ($0, 1) }, uniquingKeysWith: +).max { $0.value < $1.value }?.key ?? ISOWeek(year: 2026, week: 47)
    var report: WeeklyReport?
    let computing = measure { report = WeeklyReport(week: busiest, data: data, rules: rules) }
    var rendered = 0
    let rendering = try measure {
        for format in ReportFormat.allCases { rendered += try report.map { try format.render($0).count } ?? 0 }
    }
    print(String(format: "baseline  decode %d events of %d campaigns: %.2f s CPU", reportBytes.count, settings.campaigns, reportDecoding))
    print(String(format: "weekly    report %@: compute %.2f s, render html+csv+json %.2f s CPU (%.1f KB); total %.2fx the decode time",
                 busiest.description, computing, rendering, Double(rendered) / 1e3, (computing + rendering) / reportDecoding))
}

do {
    try run()
} catch {
    FileHandle.standardError.write(Data("marquee-reporting-bench: \(error)\n".utf8))
    exit(2)
}
