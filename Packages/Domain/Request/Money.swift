import Foundation

/// An amount of money in integer minor units (cents) of an ISO 4217 currency.
///
/// Wire: `{"amount_minor": 1250000, "currency": "EUR"}` is 12,500.00 EUR.
public struct Money: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The amount in minor units of `currency` (cents for EUR and USD).
    public var amountMinor: Int64
    /// The ISO 4217 currency code, e.g. `"EUR"`.
    public var currency: String

    /// Creates an amount in minor units.
    public init(amountMinor: Int64, currency: String) {
        self.amountMinor = amountMinor
        self.currency = currency
    }

    /// Whether this amount reaches `threshold`. Domain does not convert currencies, so an amount in a
    /// different currency counts as reaching it: the conservative answer pulls in the approver.
    public func reaches(_ threshold: Money) -> Bool {
        currency != threshold.currency || amountMinor >= threshold.amountMinor
    }

    public var description: String { "\(amountMinor) \(currency) minor units" }

    private enum CodingKeys: String, CodingKey {
        case amountMinor = "amount_minor"
        case currency
    }
}
