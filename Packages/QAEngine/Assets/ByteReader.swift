/// Bounds-checked big/little-endian reads over raw bytes; every read returns nil past the end.
struct ByteReader {
    let bytes: UnsafeRawBufferPointer

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    var count: Int { bytes.count }

    func byte(at offset: Int) -> UInt8? { offset >= 0 && offset < bytes.count ? bytes[offset] : nil }

    func matches(at offset: Int, _ expected: [UInt8]) -> Bool {
        guard offset >= 0, offset + expected.count <= bytes.count else { return false }
        return expected.indices.allSatisfy { bytes[offset + $0] == expected[$0] }
    }

    func uint16BE(at offset: Int) -> UInt16? { read(offset, 2, bigEndian: true).map { UInt16($0) } }
    func uint16LE(at offset: Int) -> UInt16? { read(offset, 2, bigEndian: false).map { UInt16($0) } }
    func uint24LE(at offset: Int) -> UInt32? { read(offset, 3, bigEndian: false) }
    func uint32BE(at offset: Int) -> UInt32? { read(offset, 4, bigEndian: true) }
    func uint32LE(at offset: Int) -> UInt32? { read(offset, 4, bigEndian: false) }

    /// Start of the last occurrence of `pattern` among the final `within` bytes.
    func lastIndex(of pattern: [UInt8], within: Int) -> Int? {
        let lowest = max(0, count - within)
        var offset = count - pattern.count
        while offset >= lowest {
            if matches(at: offset, pattern) { return offset }
            offset -= 1
        }
        return nil
    }

    private func read(_ offset: Int, _ width: Int, bigEndian: Bool) -> UInt32? {
        guard offset >= 0, offset + width <= bytes.count else { return nil }
        var value: UInt32 = 0
        for index in 0..<width {
            let byte = UInt32(bytes[offset + (bigEndian ? index : width - 1 - index)])
            value = value << 8 | byte
        }
        return value
    }
}
