import DequeModule
import Dispatch
import Synchronization

/// A bounded hand-off from a socket thread (a subscriber's or a group worker's) to the async task iterating it.
///
/// The thread blocks in `put` while the buffer is full — so a slow consumer slows the thread, the
/// subscription's socket fills, the broker drops for it, and the gap is replayed later: memory stays
/// bounded and nothing is lost. `Sendable`: state behind a `Mutex`, capacity counted by a semaphore.
final class HandoffChannel<Element: Sendable>: Sendable {
    private struct State {
        var buffer: Deque<Element> = []
        var consumer: CheckedContinuation<Element?, any Error>?
        var ending: (any Error)?? = .none
    }

    private enum Outcome { case value(Element), end((any Error)?), wait }

    private let state = Mutex(State())
    private let space: DispatchSemaphore

    init(capacity: Int) {
        // Start at 0 and signal up: libdispatch traps when a semaphore is freed below its initial value,
        // which would happen whenever a channel is dropped while it still holds deliveries.
        space = DispatchSemaphore(value: 0)
        for _ in 0..<capacity { space.signal() }
    }

    /// Hands `delivery` over, waiting for room. Returns `false` if `isCancelled` turned true while waiting.
    func put(_ delivery: Element, isCancelled: () -> Bool) -> Bool {
        while space.wait(timeout: .now() + .milliseconds(100)) == .timedOut {
            if isCancelled() { return false }
        }
        let consumer = state.withLock { state -> CheckedContinuation<Element?, any Error>? in
            if let consumer = state.consumer {
                state.consumer = nil
                return consumer
            }
            state.buffer.append(delivery)
            return nil
        }
        if let consumer {
            space.signal()
            consumer.resume(returning: delivery)
        }
        return true
    }

    /// Ends the stream after the buffered deliveries: normally (`nil`) or with `error`.
    func finish(throwing error: (any Error)?) {
        let consumer = state.withLock { state -> CheckedContinuation<Element?, any Error>? in
            if case .none = state.ending { state.ending = .some(error) }
            defer { state.consumer = nil }
            return state.buffer.isEmpty ? state.consumer : nil
        }
        if let error { consumer?.resume(throwing: error) } else { consumer?.resume(returning: nil) }
    }

    /// The next element, or `nil` once finished and drained — or when the waiting task is cancelled.
    func next() async throws -> Element? {
        try await withTaskCancellationHandler {
            try await waitForNext()
        } onCancel: {
            let consumer = state.withLock { state in
                defer { state.consumer = nil }
                return state.consumer
            }
            consumer?.resume(returning: nil)
        }
    }

    private func waitForNext() async throws -> Element? {
        try await withCheckedThrowingContinuation { continuation in
            if Task.isCancelled { return continuation.resume(returning: nil) }
            let outcome = state.withLock { state -> Outcome in
                if let first = state.buffer.popFirst() { return .value(first) }
                if case .some(let error) = state.ending { return .end(error) }
                state.consumer = continuation
                return .wait
            }
            switch outcome {
            case .value(let delivery):
                space.signal()
                continuation.resume(returning: delivery)
            case .end(let error?):
                continuation.resume(throwing: error)
            case .end(nil):
                continuation.resume(returning: nil)
            case .wait:
                break
            }
        }
    }
}
