import ArgumentParser
import Bus

/// `marquee replay --from SEQ --to SEQ`: prints stored events from the journal, then exits.
struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay", abstract: "Print the stored events between two seqs from the broker's journal.")

    @OptionGroup var bus: BusClientOptions

    @Option(help: "First seq.")
    var from: UInt64 = 1

    @Option(help: "Last seq (default: the broker's head when the replay started).")
    var to: UInt64?

    @Option(help: "Only topics starting with this prefix ('deadletter.>' is the same as 'deadletter.').")
    var prefix = ""

    @Flag(help: "Print each event's raw JSON envelope.")
    var json = false

    @Flag(help: "Also show the identity that published each event (the CURVE client; '-' when stored without CURVE).")
    var identities = false

    func validate() throws {
        if let to, to < from { throw ValidationError("--to must not be before --from") }
        if identities, json { throw ValidationError("--identities adds to the readable lines; leave out --json") }
        _ = try TopicPrefix.parse(prefix)
    }

    func run() async throws {
        let control = try BusControl(bus: try bus.endpoints, logger: bus.logger())
        defer { control.close() }
        var next = from
        var last = to
        while true {
            let page = try await control.replay(from: next, prefix: try TopicPrefix.parse(prefix), identities: identities)
            let end = last ?? page.head
            last = end
            for record in page.records where record.seq <= end {
                let line = EventLine.render(record, json: json)
                print(record.identity.map { "\(line)  identity=\($0.isEmpty ? "-" : $0)" } ?? line)
            }
            if page.through >= end || page.through >= page.head { return }
            next = page.through + 1
        }
    }
}
