import Domain
import Foundation

/// RFC 5545 text for the launch calendar: a `VCALENDAR` (PRODID, VERSION 2.0, CALSCALE) with one all-day `VEVENT`
/// per campaign launch (UID, DTSTAMP, DTSTART;VALUE=DATE, DTEND the next day, SUMMARY, URL). Text values escape
/// `\`, `;`, `,` and newlines; lines end in CRLF and are folded at 75 octets without splitting a UTF-8 character.
enum ICalendar {
    /// The calendar of `launches`, stamped `now`; `baseURL` (e.g. `https://marquee.example`) prefixes each URL.
    static func launches(_ launches: [CalendarEntry], now: Date, baseURL: String) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Marquee//Campaign launches//EN", "CALSCALE:GREGORIAN",
                     "X-WR-CALNAME:Marquee launches"]
        for launch in launches where launch.kind == .launch {
            lines += [
                "BEGIN:VEVENT",
                "UID:\(launch.campaignID.rawValue)-launch@marquee",
                "DTSTAMP:\(stamp(now))",
                "DTSTART;VALUE=DATE:\(compact(launch.date))",
                "DTEND;VALUE=DATE:\(compact(launch.date.next))",
                "SUMMARY:\(escape("Launch: \(launch.title)"))",
                "DESCRIPTION:\(escape("Campaign \(launch.campaignID.rawValue), stage \(launch.stage.rawValue)"))",
                "URL:\(baseURL)/api/campaigns/\(launch.campaignID.rawValue)",
                "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// A TEXT value with `\`, `;`, `,` and line breaks escaped.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\n", "\r\n", "\r": result += "\\n"
            default: result.append(character)
            }
        }
        return result
    }

    /// `line` folded: at most 75 octets per physical line, continuations starting with a space.
    static func fold(_ line: String) -> String {
        var physical: [String] = []
        var current = ""
        var octets = 0
        for character in line {
            let size = String(character).utf8.count
            let limit = physical.isEmpty ? 75 : 74  // a continuation's leading space counts
            if octets + size > limit {
                physical.append(current)
                current = ""
                octets = 0
            }
            current.append(character)
            octets += size
        }
        physical.append(current)
        return physical.joined(separator: "\r\n ")
    }

    private static func compact(_ day: Day) -> String { day.iso.replacingOccurrences(of: "-", with: "") }

    private static func stamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(
            format: "%04d%02d%02dT%02d%02d%02dZ", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0,
            parts.minute ?? 0, parts.second ?? 0)
    }
}
