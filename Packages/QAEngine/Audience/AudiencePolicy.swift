import Foundation

/// What an audience list must satisfy, and how addresses are compared.
public struct AudiencePolicy: Sendable, Hashable {
    /// Why an address may not be mailed. Wire values: `"unsubscribed"`, `"bounced"`, `"complained"`.
    public enum SuppressionReason: String, Sendable, Hashable, Codable {
        case unsubscribed
        case bounced
        case complained
    }

    /// The column holding the address (matched case-insensitively).
    public var emailColumn = "email"
    /// Columns the header must have besides the email and consent columns.
    public var requiredColumns: [String] = []
    /// The column recording marketing consent; nil when the list needs none.
    public var consentColumn: String? = "consent"
    /// Consent values that count as a yes (compared lower-cased and trimmed).
    public var consentValues: Set<String> = ["yes", "y", "true", "1", "opt-in", "opted-in", "opted_in", "granted"]
    /// Treat Gmail addresses that differ only in dots or a `+tag` as one person.
    public var gmailNormalization = true
    /// Treat `name+tag@any.domain` as `name@any.domain`.
    public var stripPlusTagsEverywhere = false
    /// Drop role addresses (info@, admin@…) instead of only warning about them.
    public var dropRoleAddresses = false
    /// Local parts that name a role rather than a person.
    public var roleLocalParts: Set<String> = [
        "info", "admin", "administrator", "support", "sales", "contact", "noreply", "no-reply", "postmaster",
        "webmaster", "hostmaster", "abuse", "billing", "office", "marketing", "help", "team", "hr", "jobs",
        "careers", "enquiries", "inquiries", "privacy", "security", "root",
    ]
    /// Field separator byte.
    public var delimiter: UInt8 = UInt8(ascii: ",")
    /// How many findings the report keeps as samples (all are counted and passed to the row callback).
    public var sampleFindings = 100
    private(set) var suppressions: [String: SuppressionReason] = [:]

    /// The default policy with no suppressions.
    public init() {}

    /// Adds `addresses` to the suppression list for `reason`.
    public mutating func suppress(_ addresses: some Sequence<String>, reason: SuppressionReason) {
        for address in addresses { suppressions[key(for: address)] = reason }
    }

    /// The identity of `address` for duplicate and suppression checks.
    func key(for address: String) -> String {
        let lower = address.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard let at = lower.lastIndex(of: "@") else { return lower }
        var local = lower[..<at]
        let domain = lower[lower.index(after: at)...]
        let isGmail = domain == "gmail.com" || domain == "googlemail.com"
        if stripPlusTagsEverywhere || (gmailNormalization && isGmail), let plus = local.firstIndex(of: "+") {
            local = local[..<plus]
        }
        if gmailNormalization, isGmail {
            return local.filter { $0 != "." } + "@gmail.com"
        }
        return local + "@" + domain
    }

    /// True when the local part of `address` names a role.
    func isRoleAddress(_ address: String) -> Bool {
        guard let at = address.lastIndex(of: "@") else { return false }
        return roleLocalParts.contains(address[..<at].lowercased())
    }
}
