/// White-space handling shared by the HTML and plain-text rules.
enum TextNormalizer {
    /// True for ASCII white space and the no-break space's UTF-8 lead byte pair handled by callers.
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }

    /// `bytes` decoded as UTF-8 with white-space runs collapsed to one space and trimmed.
    static func collapsed(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pendingSpace = false
        for byte in bytes {
            if isSpace(byte) {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(0x20) }
                pendingSpace = false
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `string` with white-space runs collapsed and trimmed.
    static func collapsed(_ string: String) -> String {
        var copy = string
        return copy.withUTF8 { collapsed($0) }
    }
}
