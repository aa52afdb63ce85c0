/// Summary statistics of a sample: count, mean and the percentiles a box plot and the reports show.
///
/// Percentiles interpolate linearly between closest ranks (the "R-7" method of spreadsheets and NumPy):
/// percentile `p` of the sorted sample `x[0…n-1]` is `x[h] + (h - ⌊h⌋)(x[⌊h⌋+1] - x[⌊h⌋])` at `h = p·(n-1)`.
public struct Distribution: Sendable, Hashable, Codable {
    public var count: Int
    public var min: Double
    /// 25th percentile.
    public var q1: Double
    public var median: Double
    /// 75th percentile.
    public var q3: Double
    /// 90th percentile.
    public var p90: Double
    public var max: Double
    public var mean: Double

    /// The distribution of `values`; `nil` when empty.
    public init?(_ values: [Double]) {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        count = sorted.count
        min = sorted[0]
        max = sorted[sorted.count - 1]
        q1 = Self.percentile(0.25, ofSorted: sorted)
        median = Self.percentile(0.5, ofSorted: sorted)
        q3 = Self.percentile(0.75, ofSorted: sorted)
        p90 = Self.percentile(0.9, ofSorted: sorted)
        mean = sorted.reduce(0, +) / Double(sorted.count)
    }

    /// Percentile `p` (0…1) of an ascending, non-empty sample.
    public static func percentile(_ p: Double, ofSorted sorted: [Double]) -> Double {
        let h = p * Double(sorted.count - 1)
        let lower = Int(h.rounded(.down))
        guard lower + 1 < sorted.count else { return sorted[lower] }
        return sorted[lower] + (h - Double(lower)) * (sorted[lower + 1] - sorted[lower])
    }
}
