import Foundation

/// Maps values of a domain linearly onto a range of coordinates (the range may run backwards, as y does).
public struct LinearScale: Sendable, Hashable {
    public var domain: ClosedRange<Double>
    public var from: Double
    public var to: Double

    /// A scale of `domain` onto `from…to`; an empty domain is widened to 0…1.
    public init(domain: ClosedRange<Double>, from: Double, to: Double) {
        self.domain = domain.lowerBound == domain.upperBound ? domain.lowerBound...(domain.lowerBound + 1) : domain
        self.from = from
        self.to = to
    }

    /// The coordinate of `value`.
    public func callAsFunction(_ value: Double) -> Double {
        from + (value - domain.lowerBound) / (domain.upperBound - domain.lowerBound) * (to - from)
    }

    /// A "nice" upper bound ≥ `value` (1, 2, 5 × 10ⁿ) so axes end on round numbers.
    public static func niceCeiling(_ value: Double) -> Double {
        guard value > 0 else { return 1 }
        let magnitude = pow10(Int((log10(value)).rounded(.down)))
        for step in [1.0, 2, 5, 10] where step * magnitude >= value { return step * magnitude }
        return 10 * magnitude
    }

    private static func pow10(_ exponent: Int) -> Double {
        var result = 1.0
        if exponent >= 0 { for _ in 0..<exponent { result *= 10 } } else { for _ in 0..<(-exponent) { result /= 10 } }
        return result
    }
}
