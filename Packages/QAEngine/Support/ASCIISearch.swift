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

    /// True when `haystack` contains any of `needles` (lower case), ignoring ASCII case.
    static func containsAny(_ haystack: some Collection<UInt8>, _ needles: [String]) -> Bool {
        needles.contains { contains(haystack, $0) }
    }

    /// True when `haystack` contains any of `needles` (lower-case bytes), ignoring ASCII case.
    static func containsAny(_ haystack: some Collection<UInt8>, bytes needles: [[UInt8]]) -> Bool {
        if let found = haystack.withContiguousStorageIfAvailable({ bytes in needles.contains { search(bytes, $0) } }) {
            return found
        }
        let copy = Array(haystack)
        return copy.withUnsafeBufferPointer { bytes in needles.contains { search(bytes, $0) } }
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
