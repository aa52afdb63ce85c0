import ArgumentParser
import Broker
import Bus
import Foundation

/// `marquee lag`: how far each queue group is behind the head of the stream, and what it holds.
struct LagCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lag", abstract: "Show the bus head and every queue group's lag, leases, redeliveries and dead letters.")

    @OptionGroup var bus: BusClientOptions

    func run() async throws {
        let control = try BusControl(bus: try bus.endpoints, logger: bus.logger())
        defer { control.close() }
        let report = try JSONDecoder().decode(BrokerStatsReport.self, from: Data(try await control.stats()))
        print("head seq \(report.lastSeq)  (first retained \(report.firstSeq))")
        guard !report.groups.isEmpty else { return print("no queue groups") }
        let header = ["group", "cursor", "behind", "leased", "to redeliver", "oldest lease", "acked", "redelivered", "dead letters", "workers"]
        let rows = report.groups.map { group in
            [
                group.name, "\(group.cursor)", "\(group.unscanned)", "\(group.leases)", "\(group.waitingRedelivery)",
                String(format: "%.1f s", Double(group.oldestLeaseMilliseconds) / 1000), "\(group.acked)", "\(group.redeliveries)",
                "\(group.deadLetters)", group.workers.joined(separator: ","),
            ]
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        for row in [header] + rows {
            print(zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  "))
        }
    }
}
