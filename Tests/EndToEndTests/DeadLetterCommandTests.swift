import Bus
import Foundation
import Testing

/// The operator's view of dead letters through the `marquee` CLI: `tail deadletter.>`, `deadletter list`
/// and `deadletter replay`.
@Suite(.serialized, .timeLimit(.minutes(3))) struct DeadLetterCommandTests {
    @Test func deadLettersCanBeTailedListedAndReplayedOnce() async throws {
        let bus = try BusProcess()
        try await bus.start()
        let control = try BusControl(endpoint: bus.control, logger: BrokerCrashTests.logger)
        defer { control.close() }
        let seqs = try await GroupWorkerProcessTests.publish(4, poisonEvery: 2, bus: bus)
        let worker = try MarqueeProcess(
            ["work", "qa", "--prefix", "qa.", "--id", "cli-worker", "--max-attempts", "2", "--nack-marker", "poison"], bus: bus)
        _ = try await GroupProbe.waitUntilSettled("qa", acked: 2, deadLetters: 2, control: control, within: .seconds(60))
        _ = await worker.stop()

        let tail = try await MarqueeProcess.run(["tail", "deadletter.>", "--from", "1", "--limit", "2"], bus: bus)
        #expect(tail.status == 0, "\(tail.errors)")
        #expect(tail.lines.count == 2)
        #expect(tail.lines.allSatisfy { $0.contains("deadletter.qa.check.requested") && $0.contains("source=marquee/bus") })

        let list = try await MarqueeProcess.run(["deadletter", "list"], bus: bus)
        #expect(list.status == 0, "\(list.errors)")
        #expect(list.lines.last == "2 dead letters")
        let first = try #require(list.lines.first)
        #expect(first.contains("qa.check.requested seq=\(seqs["m-1"] ?? 0)"))
        #expect(first.contains("attempts=2") && first.contains("max_attempts_exceeded"))
        let letterID = try #require(first.split(separator: " ").first { $0.hasPrefix("id=") }?.dropFirst(3))

        let replay = try await MarqueeProcess.run(["deadletter", "replay", String(letterID)], bus: bus)
        #expect(replay.status == 0, "\(replay.errors)")
        let replayed = try #require(replay.lines.first)
        #expect(replayed.hasPrefix("replayed dead letter \(letterID)"))
        let newSeq = try #require(replayed.split(separator: " ").last { UInt64($0) != nil }.flatMap { UInt64($0) })
        let page = try await control.replay(from: newSeq, prefix: "qa.", limit: 1)
        #expect(page.records.first?.seq == newSeq)
        #expect(page.records.first?.payload == Array(#"{"id":"m-1","poison":true}"#.utf8), "the original bytes, republished")

        let again = try await MarqueeProcess.run(["deadletter", "replay", String(letterID)], bus: bus)
        #expect(again.lines.first?.hasPrefix("already replayed dead letter \(letterID)") == true)
        #expect(again.lines.first?.contains("→ seq \(newSeq) ") == true, "a repeated replay is deduplicated")

        let unknown = try await MarqueeProcess.run(["deadletter", "replay", "123456789"], bus: bus)
        #expect(unknown.status != 0)
        #expect(unknown.errors.contains("No dead letter has the id or seq 123456789"))
        let bad = try await MarqueeProcess.run(["tail", "Dead>letter"], bus: bus)
        #expect(bad.status == 64)
        #expect(bad.errors.contains("is not a topic prefix"))
        #expect(await bus.stop() == 0)
    }
}
