/// Writes RFC 4180 records (CRLF line ends, quotes only where needed) into a reusable byte buffer.
struct CSVWriter {
    private(set) var buffer: [UInt8] = []

    init() { buffer.reserveCapacity(70_000) }

    /// Appends one record of UTF-8 fields. `asIs` says the fields need no quotes and are separated by commas,
    /// so their bytes are copied without a look.
    mutating func write(_ fields: CSVFields, asIs: Bool = false) {
        if asIs, fields.count > 0 {
            buffer.append(contentsOf: UnsafeBufferPointer(start: fields.bytes.baseAddress, count: fields.ends[fields.count - 1]))
            buffer.append(0x0D)
            buffer.append(0x0A)
            return
        }
        if writeWhole(fields) { return }
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

    /// The common case in one copy: when no field needs quotes and the fields are separated by commas, the
    /// record's bytes are already its CSV form. False (nothing written) otherwise.
    private mutating func writeWhole(_ fields: CSVFields) -> Bool {
        guard fields.count > 0, let base = fields.bytes.baseAddress else { return false }
        let end = fields.ends[fields.count - 1]
        var commas = 0
        for index in 0..<end {
            let byte = base[index]
            if byte == 0x2C {
                commas += 1
            } else if byte == 0x22 || byte == 0x0A || byte == 0x0D {
                return false
            }
        }
        guard commas == fields.count - 1 else { return false }
        for index in 0..<(fields.count - 1) where base[fields.ends[index]] != 0x2C { return false }
        buffer.append(contentsOf: UnsafeBufferPointer(start: base, count: end))
        buffer.append(0x0D)
        buffer.append(0x0A)
        return true
    }

    /// Hands the buffered bytes to `body` (without a copy) and empties the buffer.
    mutating func flush(_ body: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        try buffer.withUnsafeBytes(body)
        buffer.removeAll(keepingCapacity: true)
    }
}
