import Bus

/// Replay of journaled records to a reader, against JetStream's ordered-consumer replay: through
/// `BusControl.replay` pages and through a `Subscriber` starting at seq 1. Goal: 1M records in < 5 s.
enum ReplayBenchmark {
    static let goalSecondsPerMillion = 5.0

    static func run(_ settings: BenchSettings) async throws {
        let count = settings.replayCount
        try await BrokerProcess.with(executable: settings.bus, flush: "os") { broker in
            _ = try await RawPublisher(ingress: broker.endpoints.ingress, window: settings.window).publish(count: count)

            let control = try BusControl(endpoint: broker.endpoints.control, logger: settings.logger)
            defer { control.close() }
            var pageCheck = SeqCheck()
            let pages = try await Throughput.measure(messages: count) {
                var from: UInt64 = 1
                while true {
                    let page = try await control.replay(from: from, limit: 1000)
                    for record in page.records { pageCheck.saw(record.seq) }
                    from = page.through + 1
                    if page.through >= page.head { break }
                }
            }
            Report.emit(line("BusControl.replay pages of 1000", pages, pageCheck, count, settings))

            let subscriber = try Subscriber(endpoints: broker.endpoints, from: .seq(1), logger: settings.logger)
            defer { subscriber.close() }
            var streamCheck = SeqCheck()
            let stream = try await Throughput.measure(messages: count) {
                streamCheck = try await subscriber.take(count, within: settings.patience(count))
            }
            Report.emit(line("Swift Subscriber from seq 1", stream, streamCheck, count, settings))
        }
    }

    private static func line(_ reader: String, _ ours: Throughput, _ check: SeqCheck, _ count: Int, _ settings: BenchSettings) -> String {
        let goal = goalSecondsPerMillion * Double(count) / 1e6
        var text = "replay \(Report.quantity(Double(count))) journaled 1KB events, \(reader): \(Report.seconds(ours.seconds))"
        text += " (\(Report.rate(ours.perSecond))) "
        text += Report.versus(ours, settings.baselines.jetStreamReplay, "JetStream replay")
        let scaled = count == 1_000_000 ? "" : " (\(Report.seconds(goal)) for this count)"
        text += ", goal < 5 s per 1M\(scaled): \(ours.seconds < goal ? "met" : "NOT met")"
        if !check.isComplete(count) { text += " [INCOMPLETE: \(check.summary) of \(count)]" }
        return text
    }
}
