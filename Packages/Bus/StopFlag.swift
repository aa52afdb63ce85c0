import Synchronization

/// A flag a handle sets and its socket thread reads, to end a loop or a wait on the hand-off channel.
final class StopFlag: Sendable {
    private let value = Atomic(false)

    func set() { value.store(true, ordering: .relaxed) }

    var isSet: Bool { value.load(ordering: .relaxed) }
}
