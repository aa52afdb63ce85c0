import ServiceKit
import ServiceTestKit
import Testing

@Suite struct OutboxSignalTests {
    @Test func aNotificationBeforeTheWaitIsNotLost() async throws {
        let signal = OutboxSignal()
        signal.notify()
        try await withTimeout(.seconds(60), "the remembered notification") { await signal.wait(upTo: .seconds(600)) }
    }

    @Test func aNotificationWakesAWaiter() async throws {
        let signal = OutboxSignal()
        try await withTimeout(.seconds(60), "the waiter to wake") {
            await withTaskGroup(of: Void.self) { group in
                group.addTask { await signal.wait(upTo: .seconds(600)) }
                group.addTask { await Task.yield(); signal.notify() }
                await group.waitForAll()
            }
        }
    }
}
