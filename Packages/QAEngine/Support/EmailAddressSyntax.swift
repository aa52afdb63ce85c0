/// Practical email address syntax (what sending platforms accept), without regular expressions:
/// a dot-atom local part of at most 64 bytes, `@`, and a domain of at least two labels (letters, digits,
/// hyphens, or non-ASCII for internationalised names), 254 bytes in all.
enum EmailAddressSyntax {
    /// True when `address` looks deliverable.
    static func isValid(_ address: String) -> Bool {
        var copy = address
        return copy.withUTF8 { isValid($0) }
    }

    /// True when the UTF-8 `address` looks deliverable.
    static func isValid(_ address: UnsafeBufferPointer<UInt8>) -> Bool {
        guard address.count <= 254, let at = address.lastIndex(of: UInt8(ascii: "@")) else { return false }
        return isValidLocal(UnsafeBufferPointer(rebasing: address[..<at]))
            && isValidDomain(UnsafeBufferPointer(rebasing: address[(at + 1)...]))
    }

    private static func isValidLocal(_ local: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !local.isEmpty, local.count <= 64, local.first != 46, local.last != 46 else { return false }
        var previousDot = false
        for byte in local {
            if byte == 46 {
                if previousDot { return false }
                previousDot = true
                continue
            }
            previousDot = false
            guard isAlphanumeric(byte) || isLocalSymbol(byte) || byte >= 0x80 else { return false }
        }
        return true
    }

    /// Labels separated by dots, each 1–63 bytes without a leading or trailing hyphen; at least two labels,
    /// the last (the top-level domain) at least two bytes and not all digits.
    private static func isValidDomain(_ domain: UnsafeBufferPointer<UInt8>) -> Bool {
        guard domain.count <= 253 else { return false }
        var labels = 0
        var start = 0
        while true {
            var end = start
            while end < domain.count, domain[end] != 46 { end += 1 }
            let label = UnsafeBufferPointer(rebasing: domain[start..<end])
            guard !label.isEmpty, label.count <= 63, label.first != 45, label.last != 45,
                label.allSatisfy({ isAlphanumeric($0) || $0 == 45 || $0 >= 0x80 })
            else { return false }
            labels += 1
            guard end < domain.count else {
                return labels >= 2 && label.count >= 2 && !label.allSatisfy { $0 >= 48 && $0 <= 57 }
            }
            start = end + 1
        }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
    }

    /// `!#$%&'*+-/=?^_`{|}~`.
    private static func isLocalSymbol(_ byte: UInt8) -> Bool {
        switch byte {
        case 33, 35, 36, 37, 38, 39, 42, 43, 45, 47, 61, 63, 94, 95, 96, 123, 124, 125, 126: true
        default: false
        }
    }
}
