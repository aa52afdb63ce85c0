import Domain

/// The target a campaign's KPIs are held against, chosen by the brief's objective. Briefs carry no numeric
/// target, so each objective has a default; a campaign without an objective has no target.
///
/// Defaults: awareness — CTR ≥ 1 %; conversion — ROAS ≥ 3.0; retention — conversion rate ≥ 5 %.
public struct KPITarget: Sendable, Hashable, Codable {
    public var metric: KPIMetric
    /// The value to reach (at least, or at most for CPA).
    public var value: Double

    /// Creates a target.
    public init(metric: KPIMetric, value: Double) {
        self.metric = metric
        self.value = value
    }

    /// The default target of `objective`.
    public static func `default`(for objective: Objective) -> KPITarget {
        switch objective {
        case .awareness: KPITarget(metric: .ctr, value: 0.01)
        case .conversion: KPITarget(metric: .roas, value: 3.0)
        case .retention: KPITarget(metric: .conversionRate, value: 0.05)
        }
    }

    /// Whether `totals` reach the target; `nil` when the metric cannot be computed (no denominator).
    public func isMet(by totals: KPITotals) -> Bool? {
        totals.value(of: metric).map { metric.lowerIsBetter ? $0 <= value : $0 >= value }
    }
}
