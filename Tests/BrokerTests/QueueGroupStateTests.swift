@testable import Broker
import Testing

@Suite struct QueueGroupStateTests {
    private func group(maxAttempts: Int = 3) -> QueueGroup {
        var group = QueueGroup(
            name: "qa", settings: .init(prefix: Array("qa.".utf8), startSeq: 1, maxAttempts: maxAttempts, leaseMilliseconds: 1000))
        group.join(worker: "a", routingID: Array("a".utf8), credit: 2, now: 0)
        group.join(worker: "b", routingID: Array("b".utf8), credit: 1, now: 0)
        return group
    }

    @Test func workGoesToWorkersWithCreditInTurn() {
        var group = group()
        var order: [String] = []
        while let worker = group.nextWorker() {
            group.lease(UInt64(order.count + 1), to: worker, attempt: 1, now: 0)
            order.append(worker)
        }
        #expect(order == ["a", "b", "a"])
        #expect(group.cursor == 4)
    }

    @Test func aRecordIsFinishedOnlyOnceAckedOrDeadLettered() {
        var group = group(maxAttempts: 1)
        group.lease(1, to: "a", attempt: 1, now: 0)
        group.lease(2, to: "a", attempt: 1, now: 0)
        #expect(!group.isFinished(1))
        group.ack(1)
        #expect(group.isFinished(1))
        _ = group.nack(2, reason: "poison")
        #expect(group.isFinished(2))
        #expect(!group.isFinished(3), "not yet scanned")
    }

    @Test func anAckEndsTheLeaseAndReturnsTheCredit() {
        var group = group()
        group.lease(1, to: "b", attempt: 1, now: 0)
        #expect(group.nextWorker() == "a")
        group.ack(1)
        #expect(group.leases.isEmpty)
        #expect(group.workers["b"]?.credit == 1)
        #expect(group.acked == 1)
    }

    @Test func aNackRedeliversUntilMaxAttemptsThenDeadLetters() {
        var group = group(maxAttempts: 2)
        group.lease(7, to: "a", attempt: 1, now: 0)
        #expect(group.nack(7, reason: "bad html") == .redeliver(.init(seq: 7, attempts: 1, lastWorker: "a", reason: "bad html")))
        #expect(group.takeRedelivery()?.seq == 7)
        group.lease(7, to: "b", attempt: 2, now: 0)
        #expect(group.nack(7, reason: "still bad") == .deadLetter(.init(seq: 7, attempts: 2, lastWorker: "b", reason: "still bad")))
        #expect(group.takeRedelivery() == nil)
        #expect(group.deadLetters == 1)
    }

    @Test func expiredLeasesAreReleasedAndTheirCreditReturned() {
        var group = group()
        group.lease(1, to: "a", attempt: 1, now: 0)
        group.lease(2, to: "a", attempt: 1, now: 500)
        #expect(group.expire(now: 999).isEmpty)
        let released = group.expire(now: 1000)
        #expect(released == [.redeliver(.init(seq: 1, attempts: 1, lastWorker: "a", reason: "lease expired"))])
        #expect(group.workers["a"]?.credit == 1)
        #expect(!group.holds(1, worker: "a"))
        #expect(group.holds(2, worker: "a"))
    }

    @Test func aSilentWorkerIsFoundAndItsLeasesReleased() {
        var group = group()
        group.lease(3, to: "b", attempt: 1, now: 0)
        group.saw(worker: "a", now: 5000)
        #expect(group.silentWorkers(now: 5000, timeout: 3000) == ["b"])
        #expect(group.remove(worker: "b", reason: "silent").count == 1)
        #expect(group.workers["b"] == nil)
        #expect(group.takeRedelivery()?.seq == 3)
    }

    @Test(arguments: [
        GroupOperation.created(.init(prefix: Array("qa.".utf8), startSeq: 42, maxAttempts: 5, leaseMilliseconds: 30_000)),
        .leased(seq: 9, worker: "qa-1", attempt: 2), .scanned(seq: 100), .acked(seq: 9),
        .released(seq: 9, attempts: 2, worker: "qa-1"), .deadLettered(seq: 9),
    ])
    func operationsRoundTripThroughTheirEncoding(_ operation: GroupOperation) {
        let decoded = operation.encoded.withUnsafeBytes { GroupOperation($0) }
        #expect(decoded == operation)
    }

    @Test func replayingOperationsRebuildsLeasesCursorAndRedeliveries() {
        var group = QueueGroup(name: "qa", settings: .init(prefix: [], startSeq: 1, maxAttempts: 3, leaseMilliseconds: 1000))
        let history: [GroupOperation] = [
            .leased(seq: 1, worker: "a", attempt: 1), .leased(seq: 2, worker: "b", attempt: 1), .acked(seq: 1),
            .released(seq: 2, attempts: 1, worker: "b"), .leased(seq: 5, worker: "a", attempt: 1), .scanned(seq: 9),
        ]
        for operation in history { group.replay(operation, now: 100) }
        #expect(Set(group.leases.keys) == [5])
        #expect(group.leases[5]?.deadline == 1100)
        #expect(group.cursor == 10)
        #expect(group.takeRedelivery()?.seq == 2)
        #expect(group.acked == 1)
    }
}
