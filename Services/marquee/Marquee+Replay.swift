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

    @Option(help: "Only topics starting with this prefix.")
    var prefix = ""

    @Flag(help: "Print each event's raw JSON envelope.")
    var json = false

    func validate() throws {
        if let to, to < from { throw ValidationError("--to must not be before --from") }
    }

    func run() async throws {
        let control = try BusControl(endpoint: bus.control, logger: bus.logger())
        defer { control.close() }
        var next = from
        var last = to
        while true {
            let page = try await control.replay(from: next, prefix: prefix)
            let end = last ?? page.head
            last = end
            for record in page.records where record.seq <= end {
                print(EventLine.render(record, json: json))
            }
            if page.through >= end || page.through >= page.head { return }
            next = page.through + 1
        }
    }
}
