import Domain
import Contracts
import Foundation

/// The formats a report is written in. Wire/CLI values: `html`, `csv`, `json`.
public enum ReportFormat: String, Sendable, Hashable, CaseIterable {
    case html, csv, json

    /// The HTTP content type.
    public var contentType: String {
        switch self {
        case .html: "text/html; charset=utf-8"
        case .csv: "text/csv; charset=utf-8"
        case .json: "application/json"
        }
    }

    /// The weekly report in this format.
    public func render(_ report: WeeklyReport) throws -> Data {
        switch self {
        case .html: Data(report.html().utf8)
        case .csv: Data(report.csv().utf8)
        case .json: try Self.json(report)
        }
    }

    /// The campaign report in this format.
    public func render(_ report: CampaignReport) throws -> Data {
        switch self {
        case .html: Data(report.html().utf8)
        case .csv: Data(report.csv().utf8)
        case .json: try Self.json(report)
        }
    }

    /// Indented JSON, sorted snake_case keys, RFC 3339 dates.
    static func json(_ value: some Encodable) throws -> Data {
        let encoder = MarqueeJSON.encoder(pretty: true)
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return try encoder.encode(value)
    }
}
