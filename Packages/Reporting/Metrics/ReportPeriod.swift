import Foundation

/// A half-open interval of time `[start, end)` a report covers.
public struct ReportPeriod: Sendable, Hashable, Codable {
    public var start: Date
    public var end: Date

    /// Creates a period.
    public init(start: Date, end: Date) {
        self.start = start
        self.end = end
    }

    /// Whether `date` falls in the period.
    public func contains(_ date: Date) -> Bool { date >= start && date < end }
}
