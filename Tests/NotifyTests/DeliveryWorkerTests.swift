import Contracts
import Foundation
import GRDB
import ServiceKit
import ServiceTestKit
import Testing

@testable import NotifyService

@Suite struct DeliveryWorkerTests {
    let start = at("2026-03-02T10:00:00+01:00")
    let policy = RetryPolicy(maxAttempts: 3, firstDelayMilliseconds: 1000, maxDelayMilliseconds: 60_000)

    func worker(_ channel: FakeChannel, store: ServiceStore, clock: ManualClock) -> DeliveryWorker {
        DeliveryWorker(
            channel: channel, store: store, policy: policy, clock: clock.wall, wake: OutboxSignal(), jitter: { 1 },
            logger: quietLogger)
    }

    @Test func aFailureIsRetriedAfterItsBackoffAndNotBefore() async throws {
        let store = try makeStore()
        let clock = ManualClock(start)
        let channel = FakeChannel(name: "email", failures: 1)
        let worker = worker(channel, store: store, clock: clock)
        try await enqueue("email", at: start, in: store)
        #expect(try await worker.deliverDue() == 1)
        #expect(try await store.deliveries("email") == ["pending 1"])
        clock.advance(seconds: 0.999)
        #expect(try await worker.deliverDue() == 0)
        clock.advance(seconds: 0.001)
        #expect(try await worker.deliverDue() == 1)
        #expect(try await store.deliveries("email") == ["sent 2"])
        #expect(channel.delivered.count == 1)
        #expect(try await worker.deliverDue() == 0)
    }

    @Test func afterTheLastAttemptItGivesUpWithANotificationFailedEvent() async throws {
        let store = try makeStore()
        let clock = ManualClock(start)
        let channel = FakeChannel(name: "email", failures: 10)
        let worker = worker(channel, store: store, clock: clock)
        try await enqueue("email", at: start, in: store)
        for _ in 0..<5 {
            try await worker.deliverDue()
            clock.advance(seconds: 60)
        }
        #expect(channel.attempts == 3)
        #expect(try await store.deliveries("email") == ["failed 3"])
        #expect(try await store.outboxTopics() == ["notification.failed"])
    }

    @Test func aPermanentRefusalIsNotRetried() async throws {
        let store = try makeStore()
        let clock = ManualClock(start)
        let channel = FakeChannel(name: "email", failures: 1, permanent: true)
        try await enqueue("email", at: start, in: store)
        try await worker(channel, store: store, clock: clock).deliverDue()
        #expect(try await store.deliveries("email") == ["failed 1"])
        #expect(try await store.outboxTopics() == ["notification.failed"])
    }

    @Test func aDeadChannelDoesNotHoldBackAnother() async throws {
        let store = try makeStore()
        let clock = ManualClock(start)
        let dead = FakeChannel(name: "email", failures: 100)
        let chat = FakeChannel(name: "webhook:ops")
        try await enqueue("email", at: start, in: store)
        try await enqueue("webhook:ops", recipient: "*", at: start, in: store)
        try await worker(dead, store: store, clock: clock).deliverDue()
        try await worker(chat, store: store, clock: clock).deliverDue()
        #expect(try await store.deliveries("email") == ["pending 1"])
        #expect(try await store.deliveries("webhook:ops") == ["sent 1"])
    }

    @Test func theSameCauseRecipientAndChannelIsQueuedOnce() async throws {
        let store = try makeStore()
        let cause = UUID()
        try await enqueue("email", cause: cause, at: start, in: store)
        try await enqueue("email", cause: cause, at: start, in: store)
        try await enqueue("email", recipient: "ana", cause: cause, at: start, in: store)
        #expect(try await store.deliveries("email") == ["pending 0", "pending 0"])
    }

    @Test func aRunningWorkerDeliversWhatIsQueuedAndStopsOnCancel() async throws {
        let store = try makeStore()
        let channel = FakeChannel(name: "email")
        let wake = OutboxSignal()
        let worker = DeliveryWorker(
            channel: channel, store: store, policy: policy, wake: wake, pollInterval: .milliseconds(50), logger: quietLogger)
        let running = Task { try await worker.run() }
        try await enqueue("email", at: Date(), in: store)
        wake.notify()
        try await store.waitUntil("the message is sent") { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM ntf_delivery WHERE status = 'sent'") == 1
        }
        running.cancel()
        try await running.value
        #expect(channel.delivered.count == 1)
    }
}
