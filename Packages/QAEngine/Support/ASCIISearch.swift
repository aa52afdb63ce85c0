/// Byte-level text search that ignores ASCII case, for hot paths where Foundation's `range(of:)` is slow.
enum ASCIISearch {
    /// True when `haystack` contains `needle` (given in lower case), ignoring ASCII case.
    static func contains(_ haystack: some Collection<UInt8>, _ needle: String) -> Bool {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first else { return true }
        let bytes = Array(haystack)
        guard bytes.count >= pattern.count else { return false }
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

    /// True when `haystack` contains any of `needles` (lower case), ignoring ASCII case.
    static func containsAny(_ haystack: some Collection<UInt8>, _ needles: [String]) -> Bool {
        needles.contains { contains(haystack, $0) }
    }

    private static func lower(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte + 32 : byte }
}
