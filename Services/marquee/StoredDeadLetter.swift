import Bus
import Contracts
import Foundation

/// A dead letter as the journal holds it: its own seq and its envelope.
struct StoredDeadLetter {
    let seq: UInt64
    let envelope: Envelope<DeadLetter>

    var letter: DeadLetter { envelope.data }

    /// Every readable dead letter in the journal, oldest first, and how many `deadletter.` records were not
    /// readable dead-letter envelopes.
    static func all(_ control: BusControl) async throws -> (letters: [StoredDeadLetter], unreadable: Int) {
        var letters: [StoredDeadLetter] = []
        var unreadable = 0
        var next: UInt64 = 1
        while true {
            let page = try await control.replay(from: next, prefix: Topic.deadLetterPrefix)
            for record in page.records {
                if let envelope = try? Envelope<DeadLetter>.decode(Data(record.payload), topic: record.topic) {
                    letters.append(StoredDeadLetter(seq: record.seq, envelope: envelope))
                } else {
                    unreadable += 1
                }
            }
            if page.through >= page.head { return (letters, unreadable) }
            next = page.through + 1
        }
    }

    /// The dead letter `reference` names: by its event id or its seq first, else by the original
    /// message's event id or seq (the newest such dead letter).
    static func find(_ reference: String, in letters: [StoredDeadLetter]) -> StoredDeadLetter? {
        if let seq = UInt64(reference) {
            return letters.first { $0.seq == seq } ?? letters.last { $0.letter.seq == seq }
        }
        guard let id = UUID(uuidString: reference) else { return nil }
        return letters.first { $0.envelope.id == id } ?? letters.last { $0.letter.originalID == id }
    }

    /// The publish id a replay of this dead letter uses: derived from the dead letter's id, so replaying
    /// it again within the broker's dedupe window stores nothing new.
    var replayID: String { "replay-" + envelope.id.uuidString.lowercased() }
}
