@testable import Broker
import Foundation
import Logging
import Testing

/// The queue groups' journal is compacted to a snapshot of their state, and a compaction a crash
/// interrupted is finished or discarded when the journal opens.
@Suite struct GroupJournalCompactionTests {
    private let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    /// A group that has been through everything: leases, acks, nacks, an expired lease, a dead letter.
    private func busyGroup() -> (QueueGroup, [GroupOperation]) {
        let settings = QueueGroup.Settings(prefix: Array("qa.".utf8), startSeq: 1, maxAttempts: 2, leaseMilliseconds: 1000)
        var group = QueueGroup(name: "qa", settings: settings)
        var operations: [GroupOperation] = [.created(settings)]
        group.join(worker: "a", routingID: Array("a".utf8), credit: 100, now: 0)
        for seq in UInt64(1)...40 {
            group.lease(seq, to: "a", attempt: 1, now: 0)
            operations.append(.leased(seq: seq, worker: "a", attempt: 1))
        }
        for seq in UInt64(1)...30 {
            group.ack(seq)
            operations.append(.acked(seq: seq))
        }
        for seq in UInt64(31)...33 {
            if case .redeliver(let redelivery) = group.nack(seq, reason: "flaky") {
                operations.append(.released(seq: seq, attempts: redelivery.attempts, worker: redelivery.lastWorker))
            }
        }
        let again = group.takeRedelivery()!
        group.lease(again.seq, to: "a", attempt: 2, now: 0)
        operations.append(.leased(seq: again.seq, worker: "a", attempt: 2))
        _ = group.nack(again.seq, reason: "still broken")
        operations.append(.deadLettered(seq: again.seq))
        group.advance(past: 55)
        operations.append(.scanned(seq: 55))
        return (group, operations)
    }

    /// The state `operations` rebuild, as the broker does on start.
    private func rebuild(_ replay: ((String, GroupOperation) -> Void) throws -> Void) rethrows -> [String: QueueGroup] {
        var groups: [String: QueueGroup] = [:]
        try replay { name, operation in
            if case .created(let settings) = operation, groups[name] == nil { groups[name] = QueueGroup(name: name, settings: settings) }
            groups[name]?.replay(operation, now: 0)
        }
        return groups
    }

    private func expectSameState(_ restored: QueueGroup?, _ original: QueueGroup) {
        guard let restored else {
            Issue.record("group \(original.name) missing")
            return
        }
        #expect(restored.settings == original.settings)
        #expect(restored.cursor == original.cursor)
        #expect(restored.leases.mapValues { [$0.worker, "\($0.attempt)"] } == original.leases.mapValues { [$0.worker, "\($0.attempt)"] })
        #expect(restored.ready.map(\.seq) == original.ready.map(\.seq))
        #expect(restored.ready.map(\.attempts) == original.ready.map(\.attempts))
        #expect(restored.acked == original.acked)
        #expect(restored.redeliveries == original.redeliveries)
        #expect(restored.deadLetters == original.deadLetters)
    }

    private func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("group-journal-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A group journal in `directory` holding `operations`, committed.
    private func write(_ operations: [GroupOperation], in directory: String, compactBytes: Int64 = 1 << 30) throws -> GroupJournal {
        let journal = try GroupJournal(dataDirectory: directory, flush: .os, compactBytes: compactBytes, logger: logger)
        for operation in operations { journal.stage(operation, group: "qa") }
        try journal.commit()
        return journal
    }

    @Test func aSnapshotRebuildsTheSameGroup() {
        let (group, _) = busyGroup()
        let restored = rebuild { apply in for operation in group.snapshot { apply("qa", operation) } }
        expectSameState(restored["qa"], group)
    }

    @Test func aTalliedOperationSurvivesEncoding() {
        let operation = GroupOperation.tallied(acked: 7, redeliveries: 3, deadLetters: 1)
        let decoded = operation.encoded.withUnsafeBytes { GroupOperation($0) }
        #expect(decoded == operation)
    }

    @Test func compactionShrinksTheJournalAndKeepsTheState() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (group, operations) = busyGroup()
        do {
            let journal = try write(operations + Array(repeating: .scanned(seq: 1), count: 500), in: directory, compactBytes: 4096)
            let before = journal.sizeBytes
            #expect(journal.needsCompaction)
            try journal.compact([group])
            #expect(journal.sizeBytes < before / 5)
            #expect(!journal.needsCompaction)
            #expect(journal.compactions == 1)
            expectSameState(try rebuild(journal.replay)["qa"], group)
            // Later operations append to the compacted journal.
            journal.stage(.acked(seq: 40), group: "qa")
            try journal.commit()
        }
        let reopened = try GroupJournal(dataDirectory: directory, flush: .os, compactBytes: 4096, logger: logger)
        let restored = try rebuild(reopened.replay)["qa"]
        #expect(restored?.leases[40] == nil)
        #expect(restored?.acked == group.acked + 1)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory)
        #expect(names == [GroupJournal.name])
    }

    @Test func aCrashBeforeTheSwapKeepsTheOldJournal() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (group, operations) = busyGroup()
        _ = try write(operations, in: directory)
        // A half-written snapshot of some other state, left behind by the crash.
        _ = try write([.created(group.settings), .scanned(seq: 9999)], in: directory + "/scratch")
        try FileManager.default.moveItem(
            atPath: directory + "/scratch/" + GroupJournal.name, toPath: directory + "/" + GroupJournal.compactingName)
        try FileManager.default.removeItem(atPath: directory + "/scratch")

        let reopened = try GroupJournal(dataDirectory: directory, flush: .os, compactBytes: 1 << 30, logger: logger)
        expectSameState(try rebuild(reopened.replay)["qa"], group)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == [GroupJournal.name])
    }

    @Test func aCrashBetweenTheRenamesFinishesTheSwap() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (group, operations) = busyGroup()
        // The state just after `groups` → `groups.old`: the full log retired, the complete snapshot beside it.
        _ = try write(operations, in: directory + "/full")
        _ = try write(group.snapshot, in: directory + "/snapshot")
        try FileManager.default.moveItem(
            atPath: directory + "/full/" + GroupJournal.name, toPath: directory + "/" + GroupJournal.retiredName)
        try FileManager.default.moveItem(
            atPath: directory + "/snapshot/" + GroupJournal.name, toPath: directory + "/" + GroupJournal.compactingName)
        try FileManager.default.removeItem(atPath: directory + "/full")
        try FileManager.default.removeItem(atPath: directory + "/snapshot")

        let reopened = try GroupJournal(dataDirectory: directory, flush: .os, compactBytes: 1 << 30, logger: logger)
        let restored = try rebuild(reopened.replay)
        expectSameState(restored["qa"], group)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == [GroupJournal.name])
    }
}
