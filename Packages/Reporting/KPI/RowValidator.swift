import Foundation
import Domain

/// Checks the fields of one KPI row and keeps the good rows and the errors; shared by CSV and JSON import.
struct RowValidator {
    let campaign: CampaignID
    var records: [KPIRecord] = []
    var errors: [KPIRowError] = []
    private var seen: Set<String> = []

    init(campaign: CampaignID) {
        self.campaign = campaign
    }

    /// Reads row `row` whose field texts `field` gives; appends a record or the row's errors.
    mutating func read(row: Int, field: (KPIColumn) -> String) {
        var problems: [KPIRowError] = []
        func value(_ column: KPIColumn) -> String? {
            let text = field(column).trimmingCharacters(in: .whitespaces)
            if text.isEmpty, !column.isOptional { problems.append(KPIRowError(row: row, column: column.rawValue, message: "required")) }
            return text.isEmpty ? nil : text
        }
        let date = value(.date).flatMap { text in
            Day(iso: text) ?? fail(&problems, row, .date, "expected a date as YYYY-MM-DD, found \"\(text)\"")
        }
        let channel = value(.channel).flatMap { text in
            Channel(rawValue: text.lowercased()) ?? fail(
                &problems, row, .channel,
                "unknown channel \"\(text)\"; expected one of " + Channel.allCases.map(\.rawValue).joined(separator: ", "))
        }
        var counts: [KPIColumn: Int64] = [:]
        for column in [KPIColumn.impressions, .clicks, .opens, .conversions] {
            guard let text = value(column) else { continue }
            guard let number = Int64(text), number >= 0 else {
                problems.append(KPIRowError(row: row, column: column.rawValue, message: "expected a whole number ≥ 0, found \"\(text)\""))
                continue
            }
            counts[column] = number
        }
        var money: [KPIColumn: Int64] = [:]
        for column in [KPIColumn.spend, .revenue] {
            guard let text = value(column) else { continue }
            guard let minor = Self.minorUnits(text) else {
                problems.append(
                    KPIRowError(row: row, column: column.rawValue, message: "expected an amount ≥ 0 with at most two decimals, found \"\(text)\""))
                continue
            }
            money[column] = minor
        }
        if let clicks = counts[.clicks], let impressions = counts[.impressions], clicks > impressions {
            problems.append(KPIRowError(row: row, column: "clicks", message: "clicks (\(clicks)) exceed impressions (\(impressions))"))
        }
        if let date, let channel, problems.isEmpty, !seen.insert("\(date.iso)/\(channel.rawValue)").inserted {
            problems.append(KPIRowError(row: row, column: "date", message: "\(date.iso) \(channel.rawValue) appears in an earlier row"))
        }
        guard problems.isEmpty, let date, let channel else {
            errors += problems
            return
        }
        records.append(
            KPIRecord(
                campaign: campaign, date: date, channel: channel, impressions: counts[.impressions] ?? 0,
                clicks: counts[.clicks] ?? 0, opens: counts[.opens] ?? 0, conversions: counts[.conversions] ?? 0,
                spendMinor: money[.spend] ?? 0, revenueMinor: money[.revenue] ?? 0))
    }

    /// `"1250.5"` → 125050; `nil` unless a non-negative amount with at most two decimals.
    static func minorUnits(_ text: String) -> Int64? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].allSatisfy(\.isASCIIDigit),
            let whole = Int64(parts[0])
        else { return nil }
        var cents: Int64 = 0
        if parts.count == 2 {
            let fraction = parts[1]
            guard (1...2).contains(fraction.count), fraction.allSatisfy(\.isASCIIDigit),
                let value = Int64(fraction)
            else { return nil }
            cents = fraction.count == 1 ? value * 10 : value
        }
        let (scaled, overflow) = whole.multipliedReportingOverflow(by: 100)
        guard !overflow else { return nil }
        return scaled + cents
    }
}

/// Records a problem and yields `nil`, for use in `??` chains.
private func fail<T>(_ problems: inout [KPIRowError], _ row: Int, _ column: KPIColumn, _ message: String) -> T? {
    problems.append(KPIRowError(row: row, column: column.rawValue, message: message))
    return nil
}
