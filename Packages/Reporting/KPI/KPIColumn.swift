/// The columns of a KPI import (CSV header names and JSON keys), in file order.
public enum KPIColumn: String, Sendable, Hashable, CaseIterable {
    case date, channel, impressions, clicks, opens, conversions, spend, revenue

    /// Columns that may be left empty (read as 0): not every channel has opens or revenue.
    public var isOptional: Bool { self == .opens || self == .revenue }
}
