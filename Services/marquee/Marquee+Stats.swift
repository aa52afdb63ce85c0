import ArgumentParser
import Bus
import Foundation

/// `marquee stats`: the broker's journal and counters.
struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Show the broker's journal state, flush policy and counters (JSON).")

    @OptionGroup var bus: BusClientOptions

    func run() async throws {
        let control = try BusControl(bus: try bus.endpoints, logger: bus.logger())
        defer { control.close() }
        let json = try await control.stats()
        let object = try JSONSerialization.jsonObject(with: Data(json))
        let pretty = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        print(String(decoding: pretty, as: UTF8.self))
    }
}
