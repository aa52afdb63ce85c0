import Domain
import Foundation
import Yams

extension ConfigReader {
    /// Reads `calendar` field by field, so a bad holiday hides neither a bad time zone nor bad opening hours:
    /// a known IANA time zone, working days (each once, at least one), `closes` after `opens`, and holidays
    /// as `YYYY-MM-DD` (each once). All five keys are required, as in `BusinessCalendar`'s wire form.
    mutating func readCalendar(_ node: Node, at path: ConfigPath) -> BusinessCalendar {
        let fields = fields(of: node, at: path, known: ["time_zone", "working_days", "opens", "closes", "holidays"])
        // Starts from the default; anything not read from the file is an error, so it never reaches a result.
        var calendar = Rules.builtIn.calendar
        if let zone = value(String.self, "time_zone", in: fields, at: path) {
            if TimeZone(identifier: zone) == nil {
                report(
                    "unknown time zone \"\(zone)\"; expected an IANA name such as \"Europe/Berlin\"",
                    at: path["time_zone"])
            }
            calendar.timeZone = zone
        }
        if let days = list(Weekday.self, "working_days", in: fields, at: path) {
            if fields?["working_days"]?.sequence?.isEmpty == true {
                report("lists no working days; the team needs at least one", at: path["working_days"])
            }
            calendar.workingDays = days.map(\.value)
            reportRepeats(days, noun: "weekday")
        }
        let opens = value(TimeOfDay.self, "opens", in: fields, at: path)
        let closes = value(TimeOfDay.self, "closes", in: fields, at: path)
        if let opens, let closes {
            if closes <= opens {
                report("closing time \(closes) must be after opening time \(opens)", at: path["closes"])
            }
            calendar.opens = opens
            calendar.closes = closes
        }
        if let holidays = list(Day.self, "holidays", in: fields, at: path) {
            calendar.holidays = holidays.map(\.value)
            reportRepeats(holidays, noun: "holiday")
        }
        return calendar
    }

    /// The required field `key` decoded as `T`.
    private mutating func value<T: Codable>(_: T.Type, _ key: String, in fields: [String: Node]?, at path: ConfigPath)
        -> T?
    {
        required(key, in: fields, at: path).flatMap { decode(T.self, from: $0, at: path[key]) }
    }

    /// The required list `key` with each element decoded as `T` on its own (those that fail are reported).
    private mutating func list<T: Codable>(
        _: T.Type, _ key: String, in fields: [String: Node]?, at path: ConfigPath
    ) -> [(value: T, path: ConfigPath)]? {
        guard let node = required(key, in: fields, at: path) else { return nil }
        return elements(of: node, at: path[key]).compactMap { element in
            decode(T.self, from: element.node, at: element.path).map { (value: $0, path: element.path) }
        }
    }

    private mutating func reportRepeats<T: Hashable>(_ values: [(value: T, path: ConfigPath)], noun: String) {
        var seen: [T: ConfigPath] = [:]
        for (value, path) in values {
            if let first = seen[value] {
                report("\(noun) \(value) is listed twice; first at \(first)", at: path)
            } else {
                seen[value] = path
            }
        }
    }
}
