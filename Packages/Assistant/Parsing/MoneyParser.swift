import Domain
import Foundation

/// Reads an amount of money from chat text: `12k`, `€12,000`, `12.5k EUR`, `$5,000`, `1.2m`, `3000 euros`.
///
/// Without a currency the amount is in `defaultCurrency`. Unless `bareNumbers` is set (the assistant just
/// asked for the budget), a number needs a currency, a `k`/`m` suffix or the word "budget" nearby to count
/// as money, so "March 3" is never read as a budget.
public struct MoneyParser: Sendable {
    /// The ISO 4217 code used when the text names no currency.
    public var defaultCurrency: String
    /// Whether a plain number is an amount.
    public var bareNumbers: Bool

    /// Creates a parser.
    public init(defaultCurrency: String = "EUR", bareNumbers: Bool = false) {
        self.defaultCurrency = defaultCurrency
        self.bareNumbers = bareNumbers
    }

    private static let currencies: [(pattern: String, code: String)] = [
        ("€|eur|euros?", "EUR"), ("\\$|usd|dollars?", "USD"), ("£|gbp|pounds?", "GBP"), ("chf|francs?", "CHF"),
    ]
    private static let currencyAlternation = currencies.map(\.pattern).joined(separator: "|")

    /// The amount in `text`, or `nil`.
    public func parse(_ text: String) -> Money? {
        let text = text.lowercased()
        let number = "(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d{1,12}(?:\\.\\d+)?)"
        let pattern = TextPattern(
            "(?:^|[^\\w.,/])(\(Self.currencyAlternation))?\\s?\(number)\\s?(k|m|thousand|million)?(?![\\w/])\\s*(\(Self.currencyAlternation))?")
        let candidates = pattern.matches(in: text).compactMap { candidate($0) }
        if let marked = candidates.first(where: \.isMarked) { return marked.money }
        if let afterBudget = TextPattern("\\b(?:budget|spend|cost)[^\\d]{0,16}(\(number))(?![\\w/])").firstMatch(in: text),
            let digits = afterBudget[0]
        {
            return amount(digits: digits, scale: nil, currencyText: nil)
        }
        return bareNumbers ? candidates.first?.money : nil
    }

    private struct Candidate {
        var money: Money
        var isMarked: Bool
    }

    private func candidate(_ groups: [String?]) -> Candidate? {
        let (prefix, scale, suffix) = (groups[0], groups[2], groups[3])
        guard let money = amount(digits: groups[1] ?? "", scale: scale, currencyText: prefix ?? suffix) else { return nil }
        return Candidate(money: money, isMarked: prefix != nil || suffix != nil || scale != nil)
    }

    private func amount(digits: String, scale: String?, currencyText: String?) -> Money? {
        guard let amount = Decimal(string: digits.replacingOccurrences(of: ",", with: ""), locale: Locale(identifier: "en_US_POSIX"))
        else { return nil }
        let multiplier: Decimal =
            switch scale {
            case "k", "thousand": 1_000
            case "m", "million": 1_000_000
            default: 1
            }
        var exact = amount * multiplier * 100
        guard exact > 0, exact < Decimal(Int64.max / 2) else { return nil }
        var rounded = Decimal()
        NSDecimalRound(&rounded, &exact, 0, .plain)
        return Money(amountMinor: NSDecimalNumber(decimal: rounded).int64Value, currency: currency(currencyText))
    }

    private func currency(_ text: String?) -> String {
        guard let text else { return defaultCurrency }
        return Self.currencies.first { TextPattern("^(?:\($0.pattern))$").occurs(in: text) }?.code ?? defaultCurrency
    }
}

extension Money {
    /// `12,500.00 EUR` for people.
    public var spoken: String {
        let units = amountMinor / 100
        let cents = abs(amountMinor % 100)
        var digits = String(abs(units))
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        let sign = amountMinor < 0 ? "-" : ""
        return "\(sign)\(digits)\(grouped).\(cents < 10 ? "0" : "")\(cents) \(currency)"
    }
}
