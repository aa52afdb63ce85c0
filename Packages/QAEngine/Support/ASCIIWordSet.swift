/// A fixed set of lower-case words (two bytes or longer) looked for in text in one pass, ignoring ASCII
/// case. A bit table of the words' first two bytes rules out nearly every position with one lookup, so the
/// cost hardly grows with the number of words.
struct ASCIIWordSet: Sendable {
    /// Each word with its first two bytes as one number, to compare before the rest.
    private let words: [(pair: Int, bytes: [UInt8])]
    /// 65,536 bits, one per (first byte, second byte) pair, lower-cased; set when some word starts so.
    private let starts: [UInt64]

    /// Creates the set; every word must be lower case and at least two bytes long.
    init(_ words: [String]) {
        let words = words.map { Array($0.utf8) }
        precondition(words.allSatisfy { $0.count >= 2 }, "ASCIIWordSet words need two bytes or more")
        self.words = words.map { (Int($0[0]) << 8 | Int($0[1]), $0) }
        var starts = [UInt64](repeating: 0, count: 1_024)
        for (pair, _) in self.words { starts[pair >> 6] |= 1 << UInt64(pair & 63) }
        self.starts = starts
    }

    /// True when `text` contains one of the words, ignoring ASCII case.
    func occurs(in text: some Collection<UInt8>) -> Bool {
        if let found = text.withContiguousStorageIfAvailable({ occurs(inBytes: $0) }) { return found }
        return Array(text).withUnsafeBufferPointer { occurs(inBytes: $0) }
    }

    /// Looks at positions from the end backwards: the answer is the same in either direction, and the words
    /// looked for in whole emails (postal address, unsubscribe wording) sit in the footer, so the scan
    /// usually stops after a few hundred bytes instead of reading the whole text.
    private func occurs(inBytes bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 2 else { return false }
        return starts.withUnsafeBufferPointer { starts in
            var next = Self.lower(bytes[bytes.count - 1])
            var index = bytes.count - 1
            while index > 0 {
                let byte = Self.lower(bytes[index - 1])
                let pair = Int(byte) << 8 | Int(next)
                if starts[pair >> 6] & 1 << UInt64(pair & 63) != 0, wordStarts(at: index - 1, pair: pair, in: bytes) {
                    return true
                }
                next = byte
                index -= 1
            }
            return false
        }
    }

    private func wordStarts(at start: Int, pair: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for word in words where word.pair == pair && bytes.count - start >= word.bytes.count {
            var offset = 2
            while offset < word.bytes.count, Self.lower(bytes[start + offset]) == word.bytes[offset] { offset += 1 }
            if offset == word.bytes.count { return true }
        }
        return false
    }

    private static func lower(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte + 32 : byte }
}
