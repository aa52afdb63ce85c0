import Foundation
import ServiceKit
import Synchronization

/// A wall clock the test sets; starts at 2026-03-03T09:00:00Z.
final class ManualClock: Sendable {
    private let current = Mutex(Date(timeIntervalSince1970: 1_772_528_400))

    var now: Date { current.withLock { $0 } }

    func advance(by seconds: TimeInterval) {
        current.withLock { $0 += seconds }
    }

    var wallClock: WallClock { WallClock { self.now } }
}
