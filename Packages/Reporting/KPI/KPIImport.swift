import Contracts
import Domain
import Foundation

/// Reads KPI data of one campaign from CSV or JSON, keeping every good row and reporting every bad one by row
/// and column.
///
/// CSV: a header row naming the columns of ``KPIColumn`` (any order), then one row per day and channel. JSON:
/// an array of objects with the same keys; counts as integers, money as numbers or decimal strings. Money is
/// in major units with at most two decimals (`"1250.50"`). A row is rejected when a field is missing or
/// malformed, a count is negative, clicks exceed impressions, or its date and channel repeat an earlier row.
public struct KPIImport: Sendable, Hashable {
    /// The rows read.
    public var records: [KPIRecord]
    /// What was wrong, in row order.
    public var errors: [KPIRowError]

    /// Reads CSV `text` for `campaign`.
    public static func csv(_ text: String, campaign: CampaignID) -> KPIImport {
        let records: [CSVReader.Record]
        do {
            records = try CSVReader.records(text)
        } catch {
            return KPIImport(records: [], errors: [KPIRowError(row: error.line, column: nil, message: "a quoted field is never closed")])
        }
        guard let header = records.first else {
            return KPIImport(records: [], errors: [KPIRowError(row: 1, column: nil, message: "the file is empty; expected a header row")])
        }
        var errors: [KPIRowError] = []
        var index: [KPIColumn: Int] = [:]
        for (position, name) in header.fields.enumerated() {
            let trimmed = name.trimmingCharacters(in: .whitespaces).lowercased()
            guard let column = KPIColumn(rawValue: trimmed) else {
                errors.append(KPIRowError(row: 1, column: name, message: "unknown column"))
                continue
            }
            if index[column] != nil {
                errors.append(KPIRowError(row: 1, column: name, message: "column appears twice"))
            }
            index[column] = position
        }
        for column in KPIColumn.allCases where index[column] == nil {
            errors.append(KPIRowError(row: 1, column: column.rawValue, message: "missing column"))
        }
        guard errors.isEmpty else { return KPIImport(records: [], errors: errors) }
        var reader = RowValidator(campaign: campaign)
        for (number, record) in records.dropFirst().enumerated() {
            let row = number + 2
            guard record.fields.count == header.fields.count else {
                reader.errors.append(
                    KPIRowError(row: row, column: nil, message: "expected \(header.fields.count) fields, found \(record.fields.count)"))
                continue
            }
            reader.read(row: row) { column in record.fields[index[column]!] }
        }
        return KPIImport(records: reader.records, errors: reader.errors)
    }

    /// Reads a JSON array of row objects for `campaign`.
    public static func json(_ data: Data, campaign: CampaignID) -> KPIImport {
        guard case .array(let rows)? = JSONValue.parse(data) else {
            return KPIImport(records: [], errors: [KPIRowError(row: 0, column: nil, message: "expected a JSON array of rows")])
        }
        var reader = RowValidator(campaign: campaign)
        for (number, value) in rows.enumerated() {
            guard case .object(let members) = value else {
                reader.errors.append(KPIRowError(row: number + 1, column: nil, message: "expected an object"))
                continue
            }
            let unknown = members.keys.filter { KPIColumn(rawValue: $0) == nil }.sorted()
            guard unknown.isEmpty else {
                for key in unknown { reader.errors.append(KPIRowError(row: number + 1, column: key, message: "unknown column")) }
                continue
            }
            reader.read(row: number + 1) { column in members[column.rawValue].map(Self.text) ?? "" }
        }
        return KPIImport(records: reader.records, errors: reader.errors)
    }

    /// A JSON scalar as the text a CSV field would hold.
    static func text(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): text
        case .integer(let number): String(number)
        case .unsignedInteger(let number): String(number)
        case .number(let number): String(number)
        case .bool(let flag): String(flag)
        case .null: ""
        case .array, .object: "[a list or object]"
        }
    }
}
