/// Byte-level text search that ignores ASCII case, for hot paths where Foundation's `range(of:)` is slow.
enum ASCIISearch {
    /// True when `haystack` contains `needle` (given in lower case), ignoring ASCII case.
    static func contains(_ haystack: some Collection<UInt8>, _ needle: String) -> Bool {
        contains(haystack, bytes: Array(needle.utf8))
    }

    /// True when `haystack` contains `pattern` (lower-case bytes), ignoring ASCII case; reads contiguous
    /// storage in place.
    static func contains(_ haystack: some Collection<UInt8>, bytes pattern: [UInt8]) -> Bool {
        if let found = haystack.withContiguousStorageIfAvailable({ search($0, pattern) }) { return found }
        return Array(haystack).withUnsafeBufferPointer { search($0, pattern) }
    }

    /// Same as `string.lowercased().hasPrefix(prefix)` for a lower-case ASCII `prefix`, without lower-casing
    /// the whole string when its start is ASCII (then the prefix is compared byte by byte).
    static func lowercased(_ string: String, hasPrefix prefix: StaticString) -> Bool {
        let bytes = string.utf8
        var index = bytes.startIndex
        for offset in 0..<prefix.utf8CodeUnitCount {
            guard index != bytes.endIndex else { return false }
            let byte = bytes[index]
            guard byte < 0x80 else { return string.lowercased().hasPrefix(prefix.description) }
            if lower(byte) != prefix.utf8Start[offset] { return false }
            index = bytes.index(after: index)
        }
        // A non-ASCII byte right after could be a combining mark that belongs to the prefix's last character.
        if index != bytes.endIndex, bytes[index] >= 0x80 { return string.lowercased().hasPrefix(prefix.description) }
        return true
    }

    /// Same as `string.lowercased()`, but hands back `string` itself (no new storage, no Unicode tables) when
    /// it is ASCII without upper-case letters — URL parts and UTM values nearly always are.
    static func lowercased(_ string: String) -> String {
        isLowercaseASCII(string) ? string : string.lowercased()
    }

    /// Same as `string == string.lowercased()`, without lower-casing ASCII text.
    static func isLowercase(_ string: String) -> Bool {
        isLowercaseASCII(string) || (!string.utf8.allSatisfy { $0 < 0x80 } && string == string.lowercased())
    }

    /// True when every byte of `string` is ASCII and none is an upper-case letter.
    private static func isLowercaseASCII(_ string: String) -> Bool {
        string.utf8.allSatisfy { $0 < 0x80 && !($0 >= 65 && $0 <= 90) }
    }

    /// Same as `string.hasSuffix(suffix)`; when both are ASCII without carriage returns (so each byte is one
    /// character) the bytes are compared instead of walking characters.
    static func hasSuffix(_ string: String, _ suffix: String) -> Bool {
        func isPlain(_ text: String) -> Bool { text.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D } }
        guard isPlain(string), isPlain(suffix) else { return string.hasSuffix(suffix) }
        return string.utf8.count >= suffix.utf8.count && string.utf8.suffix(suffix.utf8.count).elementsEqual(suffix.utf8)
    }

    private static func search(_ bytes: UnsafeBufferPointer<UInt8>, _ pattern: [UInt8]) -> Bool {
        guard let first = pattern.first else { return true }
        guard bytes.count >= pattern.count else { return false }
        return pattern.withUnsafeBufferPointer { pattern in
            var index = 0
            let last = bytes.count - pattern.count
            while index <= last {
                if lower(bytes[index]) == first {
                    var offset = 1
                    while offset < pattern.count, lower(bytes[index + offset]) == pattern[offset] { offset += 1 }
                    if offset == pattern.count { return true }
                }
                index += 1
            }
            return false
        }
    }

    private static func lower(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte + 32 : byte }
}
