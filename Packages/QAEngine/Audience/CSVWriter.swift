/// Writes RFC 4180 records (CRLF line ends, quotes only where needed) into a reusable byte buffer.
struct CSVWriter {
    private(set) var buffer: [UInt8] = []

    /// Appends one record.
    mutating func write(_ fields: [String]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { buffer.append(UInt8(ascii: ",")) }
            let bytes = Array(field.utf8)
            if bytes.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
                buffer.append(0x22)
                for byte in bytes {
                    if byte == 0x22 { buffer.append(0x22) }
                    buffer.append(byte)
                }
                buffer.append(0x22)
            } else {
                buffer.append(contentsOf: bytes)
            }
        }
        buffer.append(contentsOf: [0x0D, 0x0A])
    }

    /// Hands the buffered bytes out and empties the buffer.
    mutating func drain() -> [UInt8] {
        defer { buffer.removeAll(keepingCapacity: true) }
        return buffer
    }
}
