import ArgumentParser
import Bus
import Contracts
import Foundation

/// `marquee deadletter`: look at dead letters and send their messages back to work.
///
/// ```
/// marquee deadletter list                  # one line per dead letter
/// marquee deadletter replay 7f3c…          # re-publish the original message of that dead letter
/// ```
struct DeadLetterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deadletter", abstract: "List dead letters, or re-publish the original message of one.",
        subcommands: [ListDeadLettersCommand.self, ReplayDeadLetterCommand.self])
}

/// `marquee deadletter list`: every dead letter in the journal, oldest first.
struct ListDeadLettersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the dead letters: seq, id, original topic and seq, attempts, last worker and reason.")

    @OptionGroup var bus: BusClientOptions

    func run() async throws {
        let control = try BusControl(bus: try bus.endpoints, logger: bus.logger())
        defer { control.close() }
        let (letters, unreadable) = try await StoredDeadLetter.all(control)
        for stored in letters {
            let letter = stored.letter
            print(
                "\(String(stored.seq).leftPadded(to: 8))  id=\(stored.envelope.id.uuidString.lowercased())  "
                    + "\(letter.originalTopic) seq=\(letter.seq)  attempts=\(letter.attempts)  "
                    + "worker=\(letter.lastWorker ?? "-")  \(letter.reason.rawValue): \(letter.detail)")
        }
        print("\(letters.count) dead \(letters.count == 1 ? "letter" : "letters")"
            + (unreadable > 0 ? ", \(unreadable) unreadable deadletter. records skipped" : ""))
    }
}

/// `marquee deadletter replay ID`: publishes the dead letter's original message again, to its original
/// topic, under a publish id derived from the dead letter's id (a repeated replay stores nothing new).
struct ReplayDeadLetterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Re-publish the original message of a dead letter to its original topic.",
        discussion: """
            ID is the dead letter's event id or seq (as 'marquee deadletter list' shows them), or the original \
            message's event id or seq. The message is published byte for byte under the publish id \
            'replay-<dead letter id>', so replaying the same dead letter again within the broker's dedupe \
            window (15 minutes by default) is answered with the first replay's seq.
            """)

    @OptionGroup var bus: BusClientOptions

    @Argument(help: "The dead letter's event id or seq, or the original message's.")
    var id: String

    func validate() throws {
        guard UInt64(id) != nil || UUID(uuidString: id) != nil else {
            throw ValidationError("'\(id)' is neither an event id (a UUID) nor a seq.")
        }
    }

    func run() async throws {
        let logger = bus.logger()
        let control = try BusControl(bus: try bus.endpoints, logger: logger)
        defer { control.close() }
        let (letters, _) = try await StoredDeadLetter.all(control)
        guard let stored = StoredDeadLetter.find(id, in: letters) else {
            throw CommandFailure("No dead letter has the id or seq \(id); 'marquee deadletter list' shows them.")
        }
        let letter = stored.letter
        let original = try await originalMessage(of: letter, control: control)
        let head = try await control.ping().head
        let publisher = try Publisher(bus: try bus.endpoints, logger: logger)
        let seq = try await publisher.publish(topic: letter.originalTopic.rawValue, payload: original.payload, id: stored.replayID)
        await publisher.close()
        let what = seq <= head ? "already replayed" : "replayed"
        print(
            "\(what) dead letter \(stored.envelope.id.uuidString.lowercased()) (seq \(stored.seq)): "
                + "\(letter.originalTopic) seq \(letter.seq) → seq \(seq) (publish id \(stored.replayID))")
    }

    /// The record the dead letter is about, read back from the journal.
    private func originalMessage(of letter: DeadLetter, control: BusControl) async throws -> Delivery {
        let page: BusControl.Page
        do {
            page = try await control.replay(from: letter.seq, prefix: letter.originalTopic.rawValue, limit: 1)
        } catch BusError.seqGone {
            throw CommandFailure("The original message (seq \(letter.seq)) was removed by retention; it cannot be replayed.")
        }
        guard let record = page.records.first, record.seq == letter.seq else {
            throw CommandFailure(
                "The journal has no \(letter.originalTopic) message at seq \(letter.seq); it cannot be replayed.")
        }
        return record
    }
}
