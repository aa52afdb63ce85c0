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
    /// The suppression list as keys (see `key(of:into:)`) back to back, where each ends, and each one's reason;
    /// when a key is listed twice, its last reason holds. Bytes rather than `String`s: lists of 100k addresses
    /// are read in a few milliseconds.
    private(set) var suppressionKeys: [UInt8] = []
    private(set) var suppressionEnds: [Int] = []
    private(set) var suppressionReasons: [SuppressionReason] = []

    /// The default policy with no suppressions.
    public init() {}

    /// Adds `addresses` to the suppression list for `reason`.
    public mutating func suppress(_ addresses: some Sequence<String>, reason: SuppressionReason) {
        suppressionEnds.reserveCapacity(suppressionEnds.count + addresses.underestimatedCount)
        suppressionReasons.reserveCapacity(suppressionReasons.count + addresses.underestimatedCount)
        var key: [UInt8] = []
        for var address in addresses {
            address.withUTF8 { self.key(of: $0, into: &key) }
            suppressionKeys.append(contentsOf: key)
            suppressionEnds.append(suppressionKeys.count)
            suppressionReasons.append(reason)
        }
    }

    /// Replaces the contents of `key` with the identity of UTF-8 `address` for duplicate and suppression
    /// checks: trimmed and lower-cased, Gmail dots and `+tags` removed as the policy says.
    func key(of address: UnsafeBufferPointer<UInt8>, into key: inout [UInt8]) {
        if FieldText.isASCII(address) {
            key.removeAll(keepingCapacity: true)
            key.append(contentsOf: address)
            let (gmail, strip) = (gmailNormalization, stripPlusTagsEverywhere)
            let count = key.withUnsafeMutableBufferPointer {
                Self.asciiKey(inPlace: $0, gmailNormalization: gmail, stripPlusTagsEverywhere: strip)
            }
            key.removeSubrange(count...)
            return
        }
        FieldText.normalize(address, trimming: .whitespacesAndNewlines, into: &key)
        guard let at = key.lastIndex(of: UInt8(ascii: "@")) else { return }
        let domain = key[(at + 1)...]
        let isGmail = (domain.count == 9 || domain.count == 14)
            && (domain.elementsEqual(Self.gmail) || domain.elementsEqual(Self.googlemail))
        var localEnd = at
        if stripPlusTagsEverywhere || (gmailNormalization && isGmail),
            let plus = key[..<at].firstIndex(of: UInt8(ascii: "+"))
        {
            localEnd = plus
        }
        if gmailNormalization, isGmail {
            var end = 0
            for index in 0..<localEnd where key[index] != UInt8(ascii: ".") {
                key[end] = key[index]
                end += 1
            }
            key.removeSubrange(end...)
            key.append(UInt8(ascii: "@"))
            key.append(contentsOf: Self.gmail)
        } else if localEnd < at {
            key.removeSubrange(localEnd..<at)
        }
    }

    /// `key(of:into:)` of `address` written to the start of `key` (at least as long) when the address is
    /// ASCII; returns the key's length, or nil (and `key` unspecified) when it is not. One pass for the common
    /// address — no white space around it, no Gmail domain or plus tag to strip — `asciiKey(inPlace:…)` after.
    static func asciiKey(
        of address: UnsafeBufferPointer<UInt8>, into key: UnsafeMutableBufferPointer<UInt8>, gmailNormalization: Bool,
        stripPlusTagsEverywhere: Bool
    ) -> Int? {
        let count = address.count
        var bits: UInt8 = 0
        var at = -1
        for index in 0..<count {
            let byte = address[index]
            bits |= byte
            if byte == UInt8(ascii: "@") { at = index }
            key[index] = byte &- 65 < 26 ? byte | 0x20 : byte
        }
        guard bits < 0x80 else { return nil }
        let domainCount = count - at - 1
        let isCommon =
            count > 0 && key[0] > 0x20 && key[count - 1] > 0x20 && !stripPlusTagsEverywhere
            && !(gmailNormalization && at >= 0 && (domainCount == 9 || domainCount == 14))
        if isCommon { return count }
        return asciiKey(
            inPlace: UnsafeMutableBufferPointer(rebasing: key[..<count]), gmailNormalization: gmailNormalization,
            stripPlusTagsEverywhere: stripPlusTagsEverywhere)
    }

    /// `key(of:into:)` for an ASCII address, computed in place over a copy of it (the key is never longer,
    /// and each byte is written at or before where it is read); returns the key's length.
    static func asciiKey(
        inPlace bytes: UnsafeMutableBufferPointer<UInt8>, gmailNormalization: Bool, stripPlusTagsEverywhere: Bool
    ) -> Int {
        @inline(__always) func lower(_ byte: UInt8) -> UInt8 { byte &- 65 < 26 ? byte | 0x20 : byte }
        @inline(__always) func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
        var start = 0
        var end = bytes.count
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        var at = end - 1
        while at >= start, bytes[at] != UInt8(ascii: "@") { at -= 1 }
        var out = 0
        guard at >= start else {
            for index in start..<end {
                bytes[out] = lower(bytes[index])
                out += 1
            }
            return out
        }
        let domainCount = end - at - 1
        var isGmail = false
        if gmailNormalization, domainCount == 9 || domainCount == 14 {
            let name = domainCount == 9 ? Self.gmail : Self.googlemail
            isGmail = true
            for index in 0..<domainCount where lower(bytes[at + 1 + index]) != name[index] {
                isGmail = false
                break
            }
        }
        var localEnd = at
        if stripPlusTagsEverywhere || isGmail {
            var index = start
            while index < at, bytes[index] != UInt8(ascii: "+") { index += 1 }
            localEnd = index
        }
        if isGmail {
            for index in start..<localEnd where bytes[index] != UInt8(ascii: ".") {
                bytes[out] = lower(bytes[index])
                out += 1
            }
            for byte in Self.atGmail {
                bytes[out] = byte
                out += 1
            }
            return out
        }
        for index in start..<localEnd {
            bytes[out] = lower(bytes[index])
            out += 1
        }
        for index in at..<end {
            bytes[out] = lower(bytes[index])
            out += 1
        }
        return out
    }

    private static let atGmail = Array("@gmail.com".utf8)
    private static let gmail = Array("gmail.com".utf8)
    private static let googlemail = Array("googlemail.com".utf8)
}
