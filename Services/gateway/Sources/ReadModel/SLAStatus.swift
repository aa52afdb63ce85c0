import Domain
import Foundation

/// The SLA badge of a campaign at a moment: `on_time`, `due_soon` (at most ``dueSoonWithin`` of business time
/// left before the earliest open due time), `breached` (past it) or `none` (no clock runs in its stage).
public enum SLAStatus: String, Sendable, Codable, CaseIterable {
    case onTime = "on_time"
    case dueSoon = "due_soon"
    case breached
    case none

    /// Business time left below which a step is due soon: 4 working hours.
    static let dueSoonWithin: TimeInterval = 4 * 3600

    /// The badge of a step due at `due` (nil: no clock) at `now`, counting business time in `calendar`.
    init(due: Date?, at now: Date, calendar: BusinessCalendar) {
        guard let due else {
            self = .none
            return
        }
        if now > due {
            self = .breached
        } else if calendar.openTime(from: now, to: due) <= Self.dueSoonWithin {
            self = .dueSoon
        } else {
            self = .onTime
        }
    }
}
