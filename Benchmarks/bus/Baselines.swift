import Foundation

/// The peer baselines printed by `../shared/bench/run-baselines` in the same run.
///
/// Each C program prints one line ending `… N msgs of S B in T s = R msg/s …` (the replay prints
/// `got/N msgs`); lines are recognised by their label, so extra output and missing lines are harmless.
struct Baselines: Sendable {
    /// One baseline: messages handled and the rate.
    struct Run: Sendable {
        let messages: Int
        let perSecond: Double
        /// False when the program handled fewer messages than it was asked to (the replay prints got/N).
        let complete: Bool
    }

    var zmqPubSub: Run?
    var jetStreamPublish: Run?
    var jetStreamReplay: Run?
    var redisAlways: Run?

    /// Reads the output of `run-baselines`.
    init(text: String) {
        for line in text.split(separator: "\n").map(String.init) {
            guard let run = Self.run(in: line) else { continue }
            if line.hasPrefix("raw libzmq pub/sub:") {
                zmqPubSub = run
            } else if line.hasPrefix("nats jetstream durable publish") {
                jetStreamPublish = run
            } else if line.hasPrefix("nats jetstream replay") {
                jetStreamReplay = run
            } else if line.hasPrefix("appendfsync=always:") {
                redisAlways = run
            }
        }
    }

    /// No baselines (marquee-bench run on its own).
    init() {}

    /// Reads the baselines file written by `Benchmarks/run`.
    init(contentsOf path: String) throws {
        self.init(text: try String(contentsOfFile: path, encoding: .utf8))
    }

    private static func run(in line: String) -> Run? {
        guard
            let regex = try? Regex(#"(\d+)(?:/(\d+))? msgs of \d+ B in [0-9.]+ s = ([0-9.]+) msg/s"#),
            let match = line.firstMatch(of: regex),
            let messages = match.output[1].substring.flatMap({ Int($0) }),
            let perSecond = match.output[3].substring.flatMap({ Double($0) })
        else { return nil }
        let asked = match.output[2].substring.flatMap { Int($0) } ?? messages
        return Run(messages: messages, perSecond: perSecond, complete: messages >= asked)
    }
}
