import ArgumentParser
import Bus

/// `marquee tail [PREFIX] [--from SEQ]`: follows the stream, one line per event.
struct TailCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tail", abstract: "Follow the message stream: one line per event, or raw JSON with --json.")

    @OptionGroup var bus: BusClientOptions

    @Argument(help: "Only topics starting with this prefix, e.g. 'campaign.' or 'deadletter.>' (the same as 'deadletter.').")
    var prefix = ""

    @Option(help: "Start at this seq (1 = the beginning); without it, follow from now on.")
    var from: UInt64?

    @Option(help: "Stop after this many events.")
    var limit: Int?

    @Flag(help: "Print each event's raw JSON envelope.")
    var json = false

    func validate() throws {
        _ = try TopicPrefix.parse(prefix)
    }

    func run() async throws {
        let subscriber = try Subscriber(
            endpoints: try bus.endpoints, prefixes: [try TopicPrefix.parse(prefix)], from: from.map { .seq($0) } ?? .live, logger: bus.logger())
        var printed = 0
        for try await delivery in subscriber {
            print(EventLine.render(delivery, json: json))
            printed += 1
            if let limit, printed >= limit { break }
        }
        subscriber.close()
    }
}
