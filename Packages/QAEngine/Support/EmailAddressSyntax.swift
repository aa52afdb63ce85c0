/// Practical email address syntax (what sending platforms accept), without regular expressions:
/// a dot-atom local part of at most 64 bytes, `@`, and a domain of at least two labels (letters, digits,
/// hyphens, or non-ASCII for internationalised names), 254 bytes in all.
enum EmailAddressSyntax {
    private static let localSymbols = Set("!#$%&'*+-/=?^_`{|}~".utf8)

    /// True when `address` looks deliverable.
    static func isValid(_ address: String) -> Bool {
        let bytes = Array(address.utf8)
        guard bytes.count <= 254, let at = bytes.lastIndex(of: UInt8(ascii: "@")) else { return false }
        return isValidLocal(bytes[..<at]) && isValidDomain(bytes[(at + 1)...])
    }

    private static func isValidLocal(_ local: ArraySlice<UInt8>) -> Bool {
        guard !local.isEmpty, local.count <= 64, local.first != 46, local.last != 46 else { return false }
        var previousDot = false
        for byte in local {
            if byte == 46 {
                if previousDot { return false }
                previousDot = true
                continue
            }
            previousDot = false
            guard isAlphanumeric(byte) || localSymbols.contains(byte) || byte >= 0x80 else { return false }
        }
        return true
    }

    private static func isValidDomain(_ domain: ArraySlice<UInt8>) -> Bool {
        let labels = domain.split(separator: 46, omittingEmptySubsequences: false)
        guard labels.count >= 2, domain.count <= 253 else { return false }
        for label in labels {
            guard !label.isEmpty, label.count <= 63, label.first != 45, label.last != 45,
                label.allSatisfy({ isAlphanumeric($0) || $0 == 45 || $0 >= 0x80 })
            else { return false }
        }
        guard let tld = labels.last else { return false }
        return tld.count >= 2 && !tld.allSatisfy { $0 >= 48 && $0 <= 57 }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
    }
}
