import Domain
import Foundation

/// A person's daily quiet time, e.g. 20:00–08:00 in their time zone: email due inside it waits until it ends.
///
/// YAML keys: `from`, `to` (`"HH:MM"`), `time_zone` (IANA; the business calendar's when absent). `from` after
/// `to` spans midnight; `from == to` is never quiet.
public struct QuietHours: Sendable, Hashable, Codable {
    public var from: TimeOfDay
    public var to: TimeOfDay
    public var timeZone: String?

    public init(from: TimeOfDay, to: TimeOfDay, timeZone: String? = nil) {
        self.from = from
        self.to = to
        self.timeZone = timeZone
    }

    /// When something due at `now` may be delivered: `now` outside quiet hours, else the instant they end.
    /// `fallbackZone` is used when ``timeZone`` is absent or unknown.
    public func release(_ now: Date, fallbackZone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone.flatMap(TimeZone.init(identifier:)) ?? fallbackZone
        let parts = calendar.dateComponents([.hour, .minute], from: now)
        let minute = (parts.hour ?? 0) * 60 + (parts.minute ?? 0)
        let (start, end) = (from.minutesOfDay, to.minutesOfDay)
        let quiet = start < end ? (start <= minute && minute < end) : (start > end && (minute >= start || minute < end))
        guard quiet else { return now }
        let match = DateComponents(hour: end / 60, minute: end % 60, second: 0)
        return calendar.nextDate(after: now, matching: match, matchingPolicy: .nextTime) ?? now
    }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case from, to
        case timeZone = "time_zone"
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            from: try c.decode(TimeOfDay.self, forKey: .from), to: try c.decode(TimeOfDay.self, forKey: .to),
            timeZone: try c.decodeIfPresent(String.self, forKey: .timeZone))
    }
}
