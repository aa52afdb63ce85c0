@testable import Bus
import Testing

@Suite struct SubscriptionTrackerTests {
    private func record(_ seq: UInt64, _ topic: String = "campaign.intake.held") -> Delivery {
        Delivery(seq: seq, topic: topic, payload: Array("\(seq)".utf8))
    }

    @Test func aSubscriptionStartsByReplayingFromItsSeq() {
        var tracker = SubscriptionTracker(from: 5)
        #expect(tracker.start() == [.requestReplay(from: 5)])
    }

    @Test func aSubscriptionFromZeroStartsAtTheFirstSeq() {
        var tracker = SubscriptionTracker(from: 0)
        #expect(tracker.start() == [.requestReplay(from: 1)])
    }

    @Test func liveRecordsArrivingDuringTheFirstReplayWaitAndAreDeliveredAfterIt() {
        var tracker = SubscriptionTracker(from: 1)
        _ = tracker.start()
        #expect(tracker.live(record(3)) == [])
        #expect(tracker.live(record(4)) == [])
        let actions = tracker.records([record(1), record(2)], through: 2, head: 2)
        #expect(actions == [.deliver(record(1)), .deliver(record(2)), .deliver(record(3)), .deliver(record(4))])
        #expect(tracker.next == 5)
    }

    @Test func recordsAlreadyDeliveredByReplayAreNotDeliveredAgainLive() {
        var tracker = SubscriptionTracker(from: 1)
        _ = tracker.start()
        _ = tracker.records([record(1), record(2), record(3)], through: 3, head: 3)
        #expect(tracker.live(record(2)) == [])
        #expect(tracker.live(record(3)) == [])
        #expect(tracker.live(record(4)) == [.deliver(record(4))])
    }

    @Test func aGapInLiveSeqsIsReplayedBeforeAnythingAfterIt() {
        var tracker = caughtUp(at: 10)
        #expect(tracker.live(record(11)) == [.deliver(record(11))])
        #expect(tracker.live(record(14)) == [.requestReplay(from: 12)])
        #expect(tracker.live(record(15)) == [])
        let actions = tracker.records([record(12), record(13)], through: 13, head: 15)
        #expect(actions == [.deliver(record(12)), .deliver(record(13)), .deliver(record(14)), .deliver(record(15))])
    }

    @Test func seqsOfOtherTopicsAreSkippedUsingTheReplaysThrough() {
        // A filtered subscriber: seqs 11-13 belonged to other topics.
        var tracker = caughtUp(at: 10)
        #expect(tracker.live(record(14)) == [.requestReplay(from: 11)])
        #expect(tracker.records([], through: 13, head: 14) == [.deliver(record(14))])
        #expect(tracker.next == 15)
        // The same record coming back from a replay that scanned further is delivered once.
        #expect(tracker.live(record(18)) == [.requestReplay(from: 15)])
        #expect(tracker.records([record(18)], through: 18, head: 18) == [.deliver(record(18))])
        #expect(tracker.next == 19)
    }

    @Test func aHeadAnnouncementBeyondWhatWasSeenRevealsALostTail() {
        var tracker = caughtUp(at: 10)
        #expect(tracker.head(10) == [])
        #expect(tracker.head(12) == [.requestReplay(from: 11)])
        #expect(tracker.head(13) == [], "one replay at a time")
        #expect(tracker.records([record(11), record(12), record(13)], through: 13, head: 13).count == 3)
    }

    @Test func aReplayThatStopsShortOfTheHeadAsksForMore() {
        var tracker = SubscriptionTracker(from: 1)
        _ = tracker.start()
        let actions = tracker.records([record(1), record(2)], through: 2, head: 100)
        #expect(actions == [.deliver(record(1)), .deliver(record(2)), .requestReplay(from: 3)])
    }

    @Test func aTimedOutReplayIsAskedForAgainFromTheSameSeq() {
        var tracker = caughtUp(at: 10)
        _ = tracker.live(record(13))
        #expect(tracker.replayTimedOut() == [.requestReplay(from: 11)])
    }

    @Test func pendingLiveRecordsBeyondTheLimitAreLeftToReplay() {
        var tracker = SubscriptionTracker(from: 1, pendingLimit: 2)
        _ = tracker.start()
        for seq in 2...5 { _ = tracker.live(record(UInt64(seq))) }
        let actions = tracker.records([record(1)], through: 1, head: 5)
        #expect(actions == [.deliver(record(1)), .deliver(record(2)), .deliver(record(3)), .requestReplay(from: 4)])
        #expect(tracker.records([record(4), record(5)], through: 5, head: 5) == [.deliver(record(4)), .deliver(record(5))])
    }

    @Test func everyRecordIsDeliveredOnceInOrderWhateverTheInterleaving() {
        // 1…200 published; the live stream loses every seventh record and duplicates every fifth.
        var tracker = SubscriptionTracker(from: 1)
        var delivered: [UInt64] = []
        var outstanding: UInt64? = nil
        func run(_ actions: [SubscriptionTracker.Action]) {
            for action in actions {
                switch action {
                case .deliver(let record): delivered.append(record.seq)
                case .requestReplay(let from): outstanding = from
                }
            }
        }
        run(tracker.start())
        for seq in UInt64(1)...200 {
            if seq % 7 != 0 { run(tracker.live(record(seq))) }
            if seq % 5 == 0 { run(tracker.live(record(seq - 1))) }
            if seq % 9 == 0, let from = outstanding {
                outstanding = nil
                let upTo = min(seq, from + 3)
                run(tracker.records(from <= upTo ? (from...upTo).map { record($0) } : [], through: upTo, head: seq))
            }
        }
        while let from = outstanding {
            outstanding = nil
            run(tracker.records((from...200).map { record($0) }, through: 200, head: 200))
        }
        #expect(delivered == Array(1...200))
    }

    private func caughtUp(at seq: UInt64) -> SubscriptionTracker {
        var tracker = SubscriptionTracker(from: 1)
        _ = tracker.start()
        _ = tracker.records([], through: seq, head: seq)
        return tracker
    }
}
