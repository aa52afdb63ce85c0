import Synchronization

/// An in-process wake-up from transactions that appended outbox rows to the ``OutboxRelay``.
///
/// A notification with nobody waiting is remembered, so the next ``wait(upTo:)`` returns at once.
/// `Sendable`: state behind a `Mutex`.
public final class OutboxSignal: Sendable {
    private struct State {
        var pending = false
        var nextWaiter: UInt64 = 0
        var waiters: [UInt64: CheckedContinuation<Void, Never>] = [:]
    }

    private let state = Mutex(State())

    public init() {}

    /// Wakes every waiter, or the next one to wait.
    public func notify() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            guard !state.waiters.isEmpty else {
                state.pending = true
                return []
            }
            defer { state.waiters.removeAll() }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Returns after a notification, after `timeout`, or when the task is cancelled, whichever comes first.
    public func wait(upTo timeout: Duration) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.nextNotification() }
            group.addTask {
                do { try await Task.sleep(for: timeout) } catch { return }  // cancelled: the other task won
            }
            await group.next()
            group.cancelAll()
        }
    }

    private func nextNotification() async {
        let id = state.withLock { state in
            state.nextWaiter += 1
            return state.nextWaiter
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let resumeNow = state.withLock { state -> Bool in
                    if state.pending {
                        state.pending = false
                        return true
                    }
                    if Task.isCancelled { return true }
                    state.waiters[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.waiters.removeValue(forKey: id) }?.resume()
        }
    }
}
