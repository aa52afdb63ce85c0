import Contracts
import Foundation
import ServiceKit
import Synchronization

/// Where a station reads the time: `system`, or `file:PATH` — a file holding one RFC 3339 instant that a
/// test (or a rehearsal) moves forward. An unreadable file reads as the last good value, then the system
/// time.
enum StationClock {
    /// The clock `spec` names; `nil` for an unknown spec.
    static func make(_ spec: String) -> WallClock? {
        if spec == "system" { return .system }
        guard spec.hasPrefix("file:"), spec.count > 5 else { return nil }
        let path = String(spec.dropFirst(5))
        let last = LastReading()
        return WallClock {
            if let text = try? String(contentsOfFile: path, encoding: .utf8),
                let date = RFC3339.date(from: text.trimmingCharacters(in: .whitespacesAndNewlines))
            {
                last.value.withLock { $0 = date }
                return date
            }
            return last.value.withLock { $0 } ?? Date()
        }
    }

    private final class LastReading: Sendable {
        let value = Mutex<Date?>(nil)
    }
}
