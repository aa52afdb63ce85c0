/// White-space handling shared by the HTML and plain-text rules.
enum TextNormalizer {
    /// True for ASCII white space and the no-break space's UTF-8 lead byte pair handled by callers.
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }

    /// Text given in pieces, kept with white-space runs collapsed to one space and trimmed; the pieces join
    /// as if given at once.
    struct Collapsed {
        private(set) var bytes: [UInt8] = []
        private var pendingSpace = false

        /// Creates empty text with room for `capacity` bytes.
        init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

        /// Appends `piece`.
        mutating func append(_ piece: UnsafeBufferPointer<UInt8>) {
            for byte in piece {
                if isSpace(byte) {
                    pendingSpace = !bytes.isEmpty
                } else {
                    if pendingSpace { bytes.append(0x20) }
                    pendingSpace = false
                    bytes.append(byte)
                }
            }
        }

        /// Empties the text, keeping its storage.
        mutating func removeAll() {
            bytes.removeAll(keepingCapacity: true)
            pendingSpace = false
        }

        /// The text decoded as UTF-8.
        var string: String { String(decoding: bytes, as: UTF8.self) }
    }

    /// `bytes` decoded as UTF-8 with white-space runs collapsed to one space and trimmed.
    static func collapsed(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var text = Collapsed(capacity: bytes.count)
        text.append(bytes)
        return text.string
    }

    /// `string` with white-space runs collapsed and trimmed.
    static func collapsed(_ string: String) -> String {
        var copy = string
        return copy.withUTF8 { collapsed($0) }
    }
}
