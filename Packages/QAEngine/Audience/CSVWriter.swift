/// Writes RFC 4180 records (CRLF line ends, quotes only where needed) into a reusable byte buffer.
struct CSVWriter {
    private(set) var buffer: [UInt8] = []

    init() { buffer.reserveCapacity(70_000) }

    /// Appends one record of UTF-8 fields.
    mutating func write(_ fields: CSVFields) {
        for index in 0..<fields.count {
            if index > 0 { buffer.append(UInt8(ascii: ",")) }
            let field = fields[index]
            if field.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
                buffer.append(0x22)
                for byte in field {
                    if byte == 0x22 { buffer.append(0x22) }
                    buffer.append(byte)
                }
                buffer.append(0x22)
            } else {
                buffer.append(contentsOf: field)
            }
        }
        buffer.append(0x0D)
        buffer.append(0x0A)
    }

    /// Hands the buffered bytes out and empties the buffer.
    mutating func drain() -> [UInt8] {
        defer { buffer.removeAll(keepingCapacity: true) }
        return buffer
    }
}
