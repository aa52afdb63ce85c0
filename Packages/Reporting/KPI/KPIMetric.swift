/// A computed campaign KPI. Wire values: `ctr`, `open_rate`, `conversion_rate`, `cpa`, `roas`.
public enum KPIMetric: String, Sendable, Hashable, Codable, CaseIterable {
    case ctr
    case openRate = "open_rate"
    case conversionRate = "conversion_rate"
    /// Cost per acquisition, in minor units.
    case cpa
    case roas

    /// Whether a lower value is better (only CPA).
    public var lowerIsBetter: Bool { self == .cpa }
}
