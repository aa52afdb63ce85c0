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
        return byteClasses.withUnsafeBufferPointer { classes in
            var previousDot = false
            for byte in local {
                if byte == 46 {
                    if previousDot { return false }
                    previousDot = true
                    continue
                }
                previousDot = false
                guard classes[Int(byte)] & localByte != 0 else { return false }
            }
            return true
        }
    }

    /// Labels separated by dots, each 1–63 bytes without a leading or trailing hyphen; at least two labels,
    /// the last (the top-level domain) at least two bytes and not all digits. One pass over the bytes.
    private static func isValidDomain(_ domain: UnsafeBufferPointer<UInt8>) -> Bool {
        guard domain.count <= 253 else { return false }
        return byteClasses.withUnsafeBufferPointer { classes in
            var labels = 0
            var start = 0
            var allDigits = true
            for index in 0...domain.count {
                guard index < domain.count, domain[index] != 46 else {
                    let count = index - start
                    guard count >= 1, count <= 63, domain[start] != 45, domain[index - 1] != 45 else { return false }
                    labels += 1
                    if index == domain.count { return labels >= 2 && count >= 2 && !allDigits }
                    start = index + 1
                    allDigits = true
                    continue
                }
                let byteClass = classes[Int(domain[index])]
                guard byteClass & domainByte != 0 else { return false }
                allDigits = allDigits && byteClass & digit != 0
            }
            return false
        }
    }

    /// Bits of `byteClasses`: may stand in a local part outside dots; may stand in a domain label; is a digit.
    private static let localByte: UInt8 = 1
    private static let domainByte: UInt8 = 2
    private static let digit: UInt8 = 4

    /// Per byte value, its `localByte`, `domainByte` and `digit` bits: letters and digits are both; the
    /// symbols `!#$%&'*+-/=?^_`{|}~` may stand in a local part, the hyphen also in a domain; non-ASCII bytes
    /// (UTF-8 of internationalised names) in both.
    private static let byteClasses: [UInt8] = (0...255).map { value -> UInt8 in
        let byte = UInt8(value)
        let isDigit = byte >= 48 && byte <= 57
        let isLetter = (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
        if isDigit { return localByte | domainByte | digit }
        if isLetter || byte >= 0x80 || byte == 45 { return localByte | domainByte }
        return Array("!#$%&'*+/=?^_`{|}~".utf8).contains(byte) ? localByte : 0
    }
}
