/// Summed KPIs and the rates computed from them. A rate whose denominator is 0 is `nil` (not 0).
///
/// - CTR = clicks / impressions
/// - open rate = opens / impressions
/// - conversion rate = conversions / clicks
/// - CPA = spend / conversions (minor units)
/// - ROAS = revenue / spend
public struct KPITotals: Sendable, Hashable, Codable {
    public var impressions: Int64 = 0
    public var clicks: Int64 = 0
    public var opens: Int64 = 0
    public var conversions: Int64 = 0
    public var spendMinor: Int64 = 0
    public var revenueMinor: Int64 = 0

    /// The sums of `records`.
    public init(_ records: some Sequence<KPIRecord>) {
        for record in records {
            impressions += record.impressions
            clicks += record.clicks
            opens += record.opens
            conversions += record.conversions
            spendMinor += record.spendMinor
            revenueMinor += record.revenueMinor
        }
    }

    public var ctr: Double? { Self.ratio(clicks, impressions) }
    public var openRate: Double? { Self.ratio(opens, impressions) }
    public var conversionRate: Double? { Self.ratio(conversions, clicks) }
    /// Cost per acquisition in minor units.
    public var cpaMinor: Double? { Self.ratio(spendMinor, conversions) }
    public var roas: Double? { Self.ratio(revenueMinor, spendMinor) }

    /// The value of `metric`.
    public func value(of metric: KPIMetric) -> Double? {
        switch metric {
        case .ctr: ctr
        case .openRate: openRate
        case .conversionRate: conversionRate
        case .cpa: cpaMinor
        case .roas: roas
        }
    }

    private static func ratio(_ numerator: Int64, _ denominator: Int64) -> Double? {
        denominator == 0 ? nil : Double(numerator) / Double(denominator)
    }

    private enum CodingKeys: String, CodingKey {
        case impressions, clicks, opens, conversions, ctr, roas
        case spendMinor = "spend_minor"
        case revenueMinor = "revenue_minor"
        case openRate = "open_rate"
        case conversionRate = "conversion_rate"
        case cpaMinor = "cpa_minor"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(impressions, forKey: .impressions)
        try c.encode(clicks, forKey: .clicks)
        try c.encode(opens, forKey: .opens)
        try c.encode(conversions, forKey: .conversions)
        try c.encode(spendMinor, forKey: .spendMinor)
        try c.encode(revenueMinor, forKey: .revenueMinor)
        try c.encode(ctr, forKey: .ctr)
        try c.encode(openRate, forKey: .openRate)
        try c.encode(conversionRate, forKey: .conversionRate)
        try c.encode(cpaMinor, forKey: .cpaMinor)
        try c.encode(roas, forKey: .roas)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        impressions = try c.decode(Int64.self, forKey: .impressions)
        clicks = try c.decode(Int64.self, forKey: .clicks)
        opens = try c.decode(Int64.self, forKey: .opens)
        conversions = try c.decode(Int64.self, forKey: .conversions)
        spendMinor = try c.decode(Int64.self, forKey: .spendMinor)
        revenueMinor = try c.decode(Int64.self, forKey: .revenueMinor)
    }
}
